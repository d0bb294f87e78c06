using Hailuo.Jobs.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hailuo.Jobs.Tests;

/// <summary>What only looks like a loss is not one: a refused submit created nothing, an expired URL is not a deleted video.</summary>
public sealed class RefusalAndExpiryTests
{
    [Fact]
    public async Task A_submit_refused_past_its_retries_is_not_counted_so_the_job_keeps_its_one_opt_in_resubmit()
    {
        await using var world = JobWorld.Start();
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 4));
        var process = world.StartProcess(o => o.ResubmitAfterLongestRender = true);

        var refused = await Assert.ThrowsAsync<HailuoException>(() => world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip())));
        var held = await process.Ledger.FindAsync("clip-1");
        var job = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));

        Assert.IsNotType<HailuoSubmitOutcomeUnknownException>(refused);
        Assert.True(refused.IsTransient);
        Assert.Equal((JobState.Created, 0), (held!.State, held.Submits));
        Assert.Equal((JobState.Stored, 1), (job.State, job.Submits));
        Assert.Single(world.Simulator.Admin.Tasks);
    }

    [Fact]
    public async Task An_expired_url_that_fresh_urls_did_not_cure_keeps_the_job_completed_and_resuming_stores_it()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var expired = RefuseDownloads(world);

        var error = await Assert.ThrowsAsync<HailuoUrlExpiredException>(() => world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip())));
        var held = await process.Ledger.FindAsync("clip-1");
        world.Simulator.Server.DeleteMapping(expired);
        var job = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));

        Assert.False(error.VideoGone);
        Assert.Equal(JobState.Completed, held!.State);
        Assert.NotNull(held.CompletedAt);
        Assert.Contains("retries", held.Error, StringComparison.Ordinal);
        Assert.Equal(JobState.Stored, job.State);
        Assert.Single(world.Simulator.Admin.Tasks);
    }

    [Fact]
    public async Task A_video_whose_urls_keep_failing_past_the_retention_fails_the_job()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess(o => o.VideoRetention = TimeSpan.FromHours(1));
        RefuseDownloads(world);
        await Assert.ThrowsAsync<HailuoUrlExpiredException>(() => world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip())));

        world.Time.Advance(TimeSpan.FromHours(1));
        var job = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Failed, job.State);
        Assert.StartsWith("The provider no longer keeps this video", job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_are_staged_in_a_folder_only_the_owner_can_enter_under_unpredictable_names()
    {
        await using var world = JobWorld.Start();
        var staged = new List<string>();
        var runners = Enumerable.Range(0, 2).Select(_ => new HailuoJobRunner(
            new HailuoClient(world.ClientOptions(), new HttpClient(world.Time.CreateHandler(world.Simulator.CreateHandler()))),
            new SqliteJobStore(Path.Combine(world.Folder, Guid.NewGuid().ToString("N") + ".db"), world.Time),
            new RecordingSink(new LocalFolderSink(world.OutputFolder), staged),
            new HailuoJobOptions { TimeProvider = world.Time })).ToList();

        foreach (var runner in runners)
        {
            Assert.Equal(JobState.Stored, (await world.Time.RunAsync(runner.RunAsync("clip-1", Requests.Clip()))).State);
        }

        var folders = staged.Select(Path.GetDirectoryName).ToList();
        Assert.NotEqual(folders[0], folders[1]);
        Assert.NotEqual(Path.GetFileName(staged[0]), Path.GetFileName(staged[1]));
        Assert.All(folders, f => Assert.NotEqual(Path.Combine(Path.GetTempPath(), "hailuo-jobs-staging"), f));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var folder in folders)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder!));
            }
        }

        folders.ForEach(f => Directory.Delete(f!, recursive: true));
    }

    /// <summary>Every download answers 403, as an expired signed URL does, until the returned mapping is deleted.</summary>
    private static Guid RefuseDownloads(JobWorld world)
    {
        var guid = Guid.NewGuid();
        world.Simulator.Server.Given(Request.Create().WithPath(new WildcardMatcher("/files/*.mp4")).UsingGet())
            .WithGuid(guid)
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(403));
        return guid;
    }

    /// <summary>Notes where each download was staged, then hands it on.</summary>
    private sealed class RecordingSink(IVideoSink inner, List<string> staged) : IVideoSink
    {
        public Task<string> StoreAsync(string jobKey, string downloadedFile, CancellationToken cancellationToken = default)
        {
            staged.Add(downloadedFile);
            return inner.StoreAsync(jobKey, downloadedFile, cancellationToken);
        }
    }
}
