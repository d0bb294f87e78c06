using Hailuo.Contracts;
using Hailuo.Jobs;
using Hailuo.Jobs.Hangfire;
using Hailuo.Jobs.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hailuo.Cli.Workers;

/// <summary>Checks a worker's arguments and its ledger, then runs its host (workers, receiver, dashboard) until Ctrl-C.</summary>
internal sealed class WorkerRun(CliConsole console, WorkerArguments arguments)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var chosen = ProviderChoice.Find(arguments.Provider);
        if (chosen is null)
        {
            return console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(arguments.Provider));
        }

        var problem = Problem(out var baseAddress, out var callbackBase);
        if (problem is not null)
        {
            return console.Fail(ExitCodes.InvalidInput, problem);
        }

        var key = console.EnvironmentVariable(chosen.ApiKeyEnvironmentVariable);
        if (arguments.Workers > 0 && string.IsNullOrWhiteSpace(key))
        {
            return console.Fail(ExitCodes.Authentication, $"no API key: set {chosen.ApiKeyEnvironmentVariable} (any value works against a simulator at --base-url).");
        }

        // The ledger first: a wrong connection string, a server that is down or a newer schema is one line, before any host starts.
        try
        {
            await using var ledger = await PostgreSqlJobStore.OpenAsync(arguments.Store, cancellationToken: cancellationToken).ConfigureAwait(false);
            console.Output.WriteLine($"ledger: {ledger}");
        }
        catch (PostgreSqlLedgerException e)
        {
            return console.Fail(ExitCodes.LedgerUnavailable, "--store: " + e.Message);
        }

        var options = ClientFactory.Options(chosen, key ?? "unused-by-a-receiver", baseAddress);
        using var host = Build(options, callbackBase);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }

        console.Output.WriteLine($"worker running: {arguments.Workers} workers{(arguments.Listen is { } at ? $", receiver on {at}" : string.Empty)}{(arguments.Dashboard ? ", dashboard at /hangfire (this machine only)" : string.Empty)}; Ctrl-C stops it");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: a step in flight is cancelled and given again by Hangfire; the ledger holds what happened.
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private string? Problem(out Uri? baseAddress, out Uri? callbackBase)
    {
        callbackBase = null;
        (baseAddress, var problem) = CommonOptions.ParseBaseUrl(arguments.BaseUrl);
        if (problem is not null)
        {
            return problem;
        }

        if (arguments.Workers < 0)
        {
            return $"--workers is {arguments.Workers}: give 0 (no workers: a receiver or dashboard process) or more.";
        }

        if (arguments.Workers > 0 && arguments.OutputFolder is null)
        {
            return "--out is missing: a process with workers stores MP4s; name the folder that keeps them (or give --workers 0).";
        }

        if (arguments.Lease is { } lease && lease <= TimeSpan.Zero)
        {
            return $"--lease is {lease}: give a positive duration, such as 00:10:00.";
        }

        if (arguments.PollInterval is { } poll && poll <= TimeSpan.Zero)
        {
            return $"--poll-interval is {poll}: give a positive duration, such as 00:00:15.";
        }

        if (arguments.Budget is { CapDollars: < 0 } budget)
        {
            return $"--budget is {budget.CapDollars}: give a cap of 0 dollars or more.";
        }

        if (arguments.Dashboard && arguments.Listen is null)
        {
            return "--dashboard needs --listen: name the address to serve it on, such as http://127.0.0.1:5090.";
        }

        if (arguments.Listen is { } listen && !(Uri.TryCreate(listen, UriKind.Absolute, out var at) && ImageReferenceForm.IsHttpUrl(listen) && at.IsLoopback))
        {
            return $"--listen '{listen}' is not a loopback http(s) address, such as http://127.0.0.1:5090; put a reverse proxy in front for the provider's callbacks.";
        }

        if (arguments.CallbackBase is { } root)
        {
            if (!(Uri.TryCreate(root, UriKind.Absolute, out callbackBase) && ImageReferenceForm.IsHttpUrl(root)))
            {
                return $"--callback-base '{root}' is not an absolute http(s) URL, such as https://example.com/.";
            }
        }

        return null;
    }

    private IHost Build(HailuoClientOptions client, Uri? callbackBase)
    {
        if (arguments.Listen is null)
        {
            var builder = Host.CreateApplicationBuilder();
            Configure(builder.Services, builder.Logging, client, callbackBase);
            return builder.Build();
        }

        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseUrls(arguments.Listen);
        Configure(web.Services, web.Logging, client, callbackBase);
        var app = web.Build();
        app.MapHailuoCallbacks();
        if (arguments.Dashboard)
        {
            app.MapHailuoDashboard();
        }

        return app;
    }

    private void Configure(IServiceCollection services, ILoggingBuilder logging, HailuoClientOptions client, Uri? callbackBase)
    {
        logging.SetMinimumLevel(arguments.Verbose ? LogLevel.Information : LogLevel.Warning);
        services.AddHailuoClient(o =>
        {
            o.Provider = client.Provider;
            o.ApiKey = client.ApiKey;
            o.BaseAddress = client.BaseAddress;
        });
        services.AddHailuoJobs(o =>
        {
            // A receiver-only process stores nothing; its sink is never asked.
            o.OutputFolder = arguments.OutputFolder ?? Path.GetTempPath();
            o.Jobs.CallbackBaseAddress = callbackBase;
            o.Jobs.LeaseDuration = arguments.Lease ?? o.Jobs.LeaseDuration;
            o.Jobs.PollInterval = arguments.PollInterval ?? o.Jobs.PollInterval;
            o.Jobs.SharedBudget = arguments.Budget;
        }).AddHailuoJobsOnHangfire(arguments.Store, h => h.WorkerCount = arguments.Workers);
    }
}
