namespace Hailuo.MockServer.Hosting;

/// <summary>The standalone server's start-up line: what it emulates and with which settings.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Hailuo simulator: APIMart and MiniMax dialects, {Clock} clock, tasks finish {CompletedAfter} after submit, rate limit per key per minute: {RequestsPerMinute}, balance: {Balance}")]
    public static partial void Started(ILogger logger, string clock, TimeSpan completedAfter, string requestsPerMinute, string balance);
}
