namespace Hailuo.Jobs;

/// <summary>Where job callbacks are received, relative to the receiver's base address: the job key follows the prefix.</summary>
public static class CallbackPath
{
    /// <summary>The path prefix, such as "hailuo/callbacks/" in https://example.com/hailuo/callbacks/{job key}.</summary>
    public const string Prefix = "hailuo/callbacks/";
}
