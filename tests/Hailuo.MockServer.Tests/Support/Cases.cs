using Hailuo.Contracts;

namespace Hailuo.MockServer.Tests.Support;

/// <summary>Theory data crossing the hosting kinds with the wire dialects.</summary>
public static class Cases
{
    public static TheoryData<SimulatorKind, WireDialect> KindsAndDialects
    {
        get
        {
            var data = new TheoryData<SimulatorKind, WireDialect>();
            foreach (var kind in Enum.GetValues<SimulatorKind>())
            {
                foreach (var dialect in Enum.GetValues<WireDialect>())
                {
                    data.Add(kind, dialect);
                }
            }

            return data;
        }
    }

    public static ProviderInfo Provider(WireDialect dialect) => dialect == WireDialect.ApiMart ? HailuoSpec.ApiMart : HailuoSpec.MiniMax;

    /// <summary>The status words of a dialect in lifecycle order: submitted, queued, processing, completed, failed.</summary>
    public static string[] Words(WireDialect dialect) => dialect == WireDialect.ApiMart
        ? new[] { "submitted", "queued", "processing", "completed", "failed" }
        : new[] { "Preparing", "Queueing", "Processing", "Success", "Fail" };
}
