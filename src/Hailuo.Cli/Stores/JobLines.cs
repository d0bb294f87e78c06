using System.Globalization;
using Hailuo.Cli.Commands;
using Hailuo.Jobs;

namespace Hailuo.Cli.Stores;

/// <summary>A job as `hailuo jobs show` prints it, one field a line; the callback URL's secret is never printed.</summary>
internal static class JobLines
{
    public static IEnumerable<(string Name, string Value)> Of(JobRecord job)
    {
        yield return ("key", job.Key);
        yield return ("state", JobsCommand.Words(job.State));
        yield return ("provider", job.Provider);
        yield return ("task", job.TaskId ?? "none");
        yield return ("submits", job.Submits.ToString(CultureInfo.InvariantCulture));
        yield return ("estimated cost", job.EstimatedDollars is { } d ? "$" + d.ToString("0.00", CultureInfo.InvariantCulture) : "not published in the spec");
        yield return ("callback", job.CallbackUrl is null ? "none" : "yes (its URL holds the job's secret and stays in the ledger)");
        foreach (var (name, at) in new[] { ("created", job.CreatedAt), ("submit sent", job.SubmitSentAt), ("challenge answered", job.ChallengedAt), ("completed", job.CompletedAt), ("updated", job.UpdatedAt) })
        {
            if (at is { } time)
            {
                yield return (name, time.ToString("u", CultureInfo.InvariantCulture));
            }
        }

        if (job.Location is { } location)
        {
            yield return ("stored", $"{location} ({job.Bytes?.ToString("N0", CultureInfo.InvariantCulture)} bytes, sha256 {job.Sha256})");
        }

        if (job.Error is { } error)
        {
            yield return ("error", error);
        }
    }
}
