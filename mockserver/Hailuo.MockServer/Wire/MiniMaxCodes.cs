namespace Hailuo.MockServer.Wire;

/// <summary>The base_resp.status_code values the simulator answers with (seed 002 and MiniMax's public docs).</summary>
internal static class MiniMaxCodes
{
    public const int Success = 0;
    public const int UnknownError = 1000;
    public const int RateLimit = 1002;
    public const int Unauthorized = 1004;
    public const int InsufficientBalance = 1008;
    public const int ServiceError = 1013;
    public const int SensitiveContent = 1026;
    public const int InvalidParams = 2013;
}
