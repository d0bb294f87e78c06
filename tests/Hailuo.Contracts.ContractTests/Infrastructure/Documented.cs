namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>What the simulator sends by default, read from the spec's dialect facts.</summary>
internal static class Documented
{
    /// <summary>The HTTP status an API error of the dialect travels with: 200 where the spec says errors go in the body (MiniMax), else the given one.</summary>
    public static int ErrorStatus(WireDialect dialect, int status) =>
        HailuoSpec.Dialects.First(d => d.Dialect == dialect).ErrorsInBody ? 200 : status;
}
