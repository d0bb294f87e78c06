using System.CommandLine;
using System.Globalization;
using Hailuo.Cli.Stores;
using Hailuo.Jobs;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo jobs list | show KEY | settle KEY`: what a job ledger holds, and a person's answer to an "outcome unknown".</summary>
internal static class JobsCommand
{
    public static Command Create(CliConsole console) => new("jobs", "The jobs a ledger holds: list them, show one, settle one whose submit's outcome is unknown.")
    {
        List(console),
        Show(console),
        Settle(console),
    };

    private static Command List(CliConsole console)
    {
        var store = JobStoreFactory.Option();
        var command = new Command("list", "Every job of the ledger, oldest first: key, state, task id, submits, estimated cost, last change.") { store };
        command.SetAction((result, cancellationToken) => WithStore(console, result.GetValue(store)!, async ledger =>
        {
            var jobs = await ledger.ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var job in jobs)
            {
                console.Output.WriteLine(string.Join("  ", job.Key, Words(job.State), job.TaskId ?? "-", "submits " + job.Submits.ToString(CultureInfo.InvariantCulture), Money(job), job.UpdatedAt.ToString("u", CultureInfo.InvariantCulture)));
            }

            var counts = jobs.GroupBy(j => j.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words(g.Key)}");
            console.Output.WriteLine($"{jobs.Count} job{(jobs.Count == 1 ? string.Empty : "s")}{(jobs.Count == 0 ? string.Empty : ": " + string.Join(", ", counts))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var store = JobStoreFactory.Option();
        var key = new Argument<string>("key") { Description = "The job's key, as `hailuo jobs list` shows it." };
        var command = new Command("show", "One job as the ledger holds it; for an \"outcome unknown\", the ways to settle it and what each costs.") { key, store };
        command.SetAction((result, cancellationToken) => WithStore(console, result.GetValue(store)!, async ledger =>
        {
            if (await ledger.FindAsync(result.GetValue(key)!, cancellationToken).ConfigureAwait(false) is not { } job)
            {
                return console.Fail(ExitCodes.NotFound, $"the ledger {ledger} holds no job '{result.GetValue(key)}'; `hailuo jobs list` shows its keys.");
            }

            foreach (var (name, value) in JobLines.Of(job))
            {
                console.Output.WriteLine($"{name}: {value}");
            }

            if (job.State == JobState.OutcomeUnknown)
            {
                PrintChoices(console, job);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Settle(CliConsole console)
    {
        var store = JobStoreFactory.Option();
        var key = new Argument<string>("key") { Description = "The \"outcome unknown\" job's key." };
        var taskId = new Option<string?>("--task-id") { Description = "Adopt this task, found in the provider's console: the job goes on with it; nothing more is paid." };
        var failed = new Option<bool>("--failed") { Description = "Mark the job failed: nothing more is sent; a task that does exist stays paid for." };
        var command = new Command("settle", "Resolve a job whose submit's outcome is unknown: adopt the task id you found, or mark it failed.") { key, store, taskId, failed };
        command.SetAction((result, cancellationToken) => WithStore(console, result.GetValue(store)!, async ledger =>
        {
            var (jobKey, found, fail) = (result.GetValue(key)!, result.GetValue(taskId), result.GetValue(failed));
            try
            {
                if ((found is null ? 0 : 1) + (fail ? 1 : 0) != 1)
                {
                    // Checked against the ledger first, so a job that is not "outcome unknown" says so whatever was asked.
                    var job = await JobSettlement.CheckAsync(ledger, jobKey, cancellationToken).ConfigureAwait(false);
                    PrintChoices(console, job);
                    return console.Fail(ExitCodes.InvalidInput, $"settle needs exactly one of --task-id ID or --failed{(fail ? " (both were given)" : string.Empty)}; job {jobKey} is unchanged.");
                }

                var settled = found is not null
                    ? await JobSettlement.AdoptAsync(ledger, jobKey, found, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await JobSettlement.FailAsync(ledger, jobKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                console.Output.WriteLine(settled.State == JobState.Failed
                    ? $"job {jobKey} is failed; nothing more is sent for it."
                    : $"job {jobKey} has task {settled.TaskId}; it goes on (poll, download) when its run resumes: the same command with this ledger, or a worker on this store.");
                return ExitCodes.Success;
            }
            catch (JobSettlementException e)
            {
                return console.Fail(e.NotFound ? ExitCodes.NotFound : ExitCodes.InvalidInput, e.Message);
            }
        }));
        return command;
    }

    private static void PrintChoices(CliConsole console, JobRecord job)
    {
        console.Output.WriteLine($"settle it with `hailuo jobs settle {job.Key} --store STORE` and one of:");
        foreach (var choice in JobSettlement.Choices(job))
        {
            console.Output.WriteLine("  " + choice);
        }
    }

    private static async Task<int> WithStore(CliConsole console, string store, Func<IJobStore, Task<int>> action)
    {
        var (ledger, code, problem) = await JobStoreFactory.OpenAsync(store, console.Disk, CancellationToken.None).ConfigureAwait(false);
        if (ledger is null)
        {
            return console.Fail(code, problem!);
        }

        try
        {
            return await action(ledger).ConfigureAwait(false);
        }
        finally
        {
            (ledger as IDisposable)?.Dispose();
        }
    }

    private static string Money(JobRecord job) => job.EstimatedDollars is { } d ? "$" + d.ToString("0.00", CultureInfo.InvariantCulture) : "price unpublished";

    internal static string Words(JobState state) => state == JobState.OutcomeUnknown ? "outcome unknown" : state.ToString().ToLowerInvariant();
}
