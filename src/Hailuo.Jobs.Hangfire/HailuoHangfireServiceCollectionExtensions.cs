using Hailuo.Jobs.PostgreSql;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// The Hangfire mode: <c>services.AddHailuoJobs(o => ...).AddHailuoJobsOnHangfire(postgres)</c>. Every process of the
/// deployment makes the same two calls; those with workers run the steps, the others start jobs, receive callbacks or
/// show the dashboard.
/// </summary>
public static class HailuoHangfireServiceCollectionExtensions
{
    /// <summary>
    /// Moves the jobs <c>AddHailuoJobs</c> registered onto Hangfire over PostgreSQL: the ledger becomes the PostgreSQL
    /// one, each step (submit, next poll, download and store) becomes Hangfire background work, and nothing resumes
    /// in process any more (a killed worker's step is given to another worker by Hangfire).
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddHailuoJobs</c> was not called first.</exception>
    public static IServiceCollection AddHailuoJobsOnHangfire(this IServiceCollection services, string connectionString, Action<HailuoHangfireOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var host = services.LastOrDefault(d => d.ServiceType == typeof(HailuoJobsHostOptions))?.ImplementationInstance as HailuoJobsHostOptions
            ?? throw new InvalidOperationException("AddHailuoJobsOnHangfire: call AddHailuoJobs(...) first; the Hangfire mode moves the jobs it registers.");
        var options = new HailuoHangfireOptions { ConnectionString = connectionString };
        configure?.Invoke(options);

        // Hangfire resumes: a step whose worker died is given to another, so the in-process resume would only race it.
        host.ResumeOnStart = false;
        services.AddSingleton(options);
        // Opened once, when the container first needs it; open errors are one line naming the server (PostgreSqlLedgerException).
        services.Replace(ServiceDescriptor.Singleton<IJobStore>(_ => PostgreSqlJobStore.OpenAsync(connectionString).GetAwaiter().GetResult()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                b => b.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = options.HangfireSchema,
                    QueuePollInterval = options.PollingInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    DistributedLockTimeout = options.DistributedLockTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    PrepareSchemaIfNecessary = true,
                }));
        services.TryAddSingleton<HailuoHangfireJobs>();
        services.TryAddTransient<JobStepJob>();
        services.AddHostedService<CallbackWakeUp>();
        if (options.WorkerCount > 0)
        {
            services.AddHangfireServer(s =>
            {
                s.WorkerCount = options.WorkerCount;
                s.Queues = [options.Queue];
                s.SchedulePollingInterval = options.PollingInterval;
            });
        }

        return services;
    }
}
