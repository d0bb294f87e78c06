namespace Hailuo.Cli;

/// <summary>The documented exit codes (docs/CLI.md); scripts branch on these.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int InvalidInput = 2;
    public const int Authentication = 3;
    public const int RateLimited = 4;
    public const int TaskFailed = 5;
    public const int InsufficientBalance = 6;
    public const int TimedOut = 7;
    public const int NotFound = 8;
    public const int UrlExpired = 9;
    public const int SubmitOutcomeUnknown = 10;
    public const int FfmpegMissing = 11;
    public const int OutputNotWritable = 12;
    public const int VideoNotSaved = 13;
    public const int ContractDrift = 14;
    public const int LedgerUnavailable = 15;
    public const int Cancelled = 130;
}
