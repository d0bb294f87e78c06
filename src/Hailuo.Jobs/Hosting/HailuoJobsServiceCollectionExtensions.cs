using Hailuo.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hailuo.Jobs;

/// <summary>Registers durable jobs: <c>services.AddHailuoClient(...).Services.AddHailuoJobs(o => ...)</c>.</summary>
public static class HailuoJobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite ledger, the local-folder sink, the <see cref="HailuoJobSteps"/> (for a scheduler) and the
    /// in-process <see cref="HailuoJobRunner"/> over them and the registered
    /// <see cref="HailuoClient"/>, and a hosted service that resumes every unfinished job on start. A store or sink
    /// registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddHailuoJobs(this IServiceCollection services, Action<HailuoJobsHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new HailuoJobsHostOptions();
        configure(options);
        services.AddSingleton(options);
        services.TryAddSingleton<IJobStore>(_ => new SqliteJobStore(options.LedgerPath
            ?? throw new InvalidOperationException("AddHailuoJobs: LedgerPath is empty; name the SQLite ledger file, such as \"jobs.db\", or register an IJobStore.")));
        services.TryAddSingleton<IVideoSink>(_ => new LocalFolderSink(options.OutputFolder
            ?? throw new InvalidOperationException("AddHailuoJobs: OutputFolder is empty; name the folder that keeps the MP4s, or register an IVideoSink.")));
        services.TryAddSingleton(sp =>
        {
            var jobs = options.Jobs;
            if (jobs.TimeProvider == TimeProvider.System && sp.GetService<TimeProvider>() is { } clock)
            {
                jobs.TimeProvider = clock;
            }

            return new HailuoJobSteps(sp.GetRequiredService<HailuoClient>(), sp.GetRequiredService<IJobStore>(), sp.GetRequiredService<IVideoSink>(), jobs);
        });
        services.TryAddSingleton(sp => new HailuoJobRunner(sp.GetRequiredService<HailuoJobSteps>()));
        services.AddSingleton<JobResumeService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<JobResumeService>());
        return services;
    }
}
