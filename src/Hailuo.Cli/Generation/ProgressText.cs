using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>How a wait's progress reads, the same in the live display and in plain lines.</summary>
internal static class ProgressText
{
    /// <summary>The status as the CLI says it, such as "processing".</summary>
    public static string Status(VideoTaskProgress value) => value.Status.ToString().ToLowerInvariant();

    /// <summary>The percent done: the provider's figure, 100 once completed, or null while it gives none.</summary>
    public static int? Percent(VideoTaskProgress value) =>
        value.Status == VideoTaskStatus.Completed ? 100 : value.Task.Progress;

    public static string Elapsed(TimeSpan elapsed) => elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
