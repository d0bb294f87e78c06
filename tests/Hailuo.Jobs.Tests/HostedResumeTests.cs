using Hailuo.Jobs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hailuo.Jobs.Tests;

public sealed class HostedResumeTests
{
    [Fact]
    public async Task A_host_started_on_the_ledger_resumes_every_unfinished_job_into_the_folder()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess(wrap: h => new KillOnRequest(h, "/files/"));
        var waiting = world.StartProcess();
        using var kill = new CancellationTokenSource();
        waiting.Runner.Changed += (_, e) =>
        {
            if (e.Message == "polled")
            {
                kill.Cancel();
            }
        };
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(first.Runner.RunAsync("downloading", Requests.Clip())));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Time.RunAsync(waiting.Runner.RunAsync("waiting", Requests.Clip(), cancellationToken: kill.Token)));
        var created = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Submitting));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(created.Runner.RunAsync("created", Requests.Clip())));
        using var http = new HttpClient(world.Time.CreateHandler(world.Simulator.CreateHandler()));
        using var client = new HailuoClient(world.ClientOptions(), http);

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(client);
        builder.Services.AddHailuoJobs(o =>
        {
            o.LedgerPath = world.LedgerPath;
            o.OutputFolder = world.OutputFolder;
            o.Jobs.TimeProvider = world.Time;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var resumed = await world.Time.RunAsync(host.Services.GetRequiredService<JobResumeService>().Resumed);
        await host.StopAsync();

        Assert.Equal(["created", "downloading", "waiting"], resumed.Select(j => j.Key).Order(StringComparer.Ordinal));
        Assert.All(resumed, j => Assert.Equal(JobState.Stored, j.State));
        Assert.All(resumed, j => Assert.StartsWith(world.OutputFolder, j.Location, StringComparison.Ordinal));
        Assert.Equal(3, world.Simulator.Admin.Tasks.Count);
        Assert.Equal(3, world.SubmitsReceived);
    }

    [Fact]
    public void AddHailuoJobs_without_a_ledger_path_says_which_setting_is_missing()
    {
        var services = new ServiceCollection();
        services.AddHailuoJobs(o => o.OutputFolder = "videos");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IJobStore>());

        Assert.Contains("LedgerPath", error.Message, StringComparison.Ordinal);
    }
}
