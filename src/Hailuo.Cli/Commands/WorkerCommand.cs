using System.CommandLine;
using Hailuo.Cli.Workers;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo worker --store CONNECTION`: one worker process of a Hangfire deployment over a PostgreSQL ledger (docs/SCALE.md).</summary>
internal static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var store = new Option<string>("--store") { Description = "The PostgreSQL connection string of the shared ledger and Hangfire's storage, such as \"Host=db;Database=hailuo;Username=hailuo\" (the password best from PGPASSWORD).", Required = true };
        var workers = new Option<int>("--workers") { Description = "Hangfire workers in this process; 0 runs none (a receiver or dashboard process).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "The folder that keeps the MP4s (required with workers)." };
        var listen = new Option<string?>("--listen") { Description = "Serve the callback receiver (and --dashboard) at this address, such as http://127.0.0.1:5090." };
        var callbackBase = new Option<string?>("--callback-base") { Description = "The public address of the callback receiver that submits carry, such as https://example.com/." };
        var dashboard = new Option<bool>("--dashboard") { Description = "Mount Hangfire's dashboard at /hangfire on --listen, for requests from this machine only." };
        var lease = new Option<TimeSpan?>("--lease") { Description = "How long a job stays this process's without a renewal (default 10 minutes)." };
        var pollInterval = new Option<TimeSpan?>("--poll-interval") { Description = "The wait between polls of a task (default: the spec's advised interval); a 429's Retry-After, when longer, wins." };
        var budget = new Option<decimal?>("--budget") { Description = "A spending cap in US dollars kept in the ledger, shared by every worker charging the same --budget-name: a job past it fails before any request." };
        var budgetName = new Option<string>("--budget-name") { Description = "The shared budget's name in the ledger.", DefaultValueFactory = _ => "hailuo" };
        var provider = CommonOptions.Provider();
        var baseUrl = CommonOptions.BaseUrl();
        var command = new Command("worker", "Run a worker process: the steps of video jobs from the shared PostgreSQL ledger, on Hangfire, until Ctrl-C.")
        {
            store, workers, output, listen, callbackBase, dashboard, lease, pollInterval, budget, budgetName, provider, baseUrl,
        };
        command.SetAction((result, cancellationToken) => new WorkerRun(console, new WorkerArguments(
            result.GetValue(store)!,
            result.GetValue(workers),
            result.GetValue(output)?.FullName,
            result.GetValue(listen),
            result.GetValue(callbackBase),
            result.GetValue(dashboard),
            result.GetValue(lease),
            result.GetValue(pollInterval),
            result.GetValue(budget) is { } cap ? new Hailuo.Jobs.SharedBudget(result.GetValue(budgetName)!, cap) : null,
            result.GetValue(provider),
            result.GetValue(baseUrl),
            result.GetValue(CliOptions.Verbose))).RunAsync(cancellationToken));
        return command;
    }
}
