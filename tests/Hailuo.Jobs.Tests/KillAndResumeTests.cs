using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>A job interrupted at each step is finished by a new process on the same ledger, with one task per job key.</summary>
public sealed class KillAndResumeTests
{
    [Fact]
    public async Task Killed_before_the_submit_intent_is_written_resumes_with_one_submit()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Submitting));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip())));
        Assert.Equal(0, world.SubmitsReceived);

        var job = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Stored, job.State);
        Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Killed_after_the_submit_before_the_task_id_is_saved_ends_outcome_unknown_without_a_second_task()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Submitted));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip())));

        var job = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.OutcomeUnknown, job.State);
        Assert.Null(job.TaskId);
        Assert.NotNull(job.SubmitSentAt);
        Assert.Contains("\"prompt\"", job.Request, StringComparison.Ordinal);
        Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(1, world.SubmitsReceived);

        // Running the same key again never submits again either.
        var again = await world.Time.RunAsync(world.StartProcess().Runner.RunAsync("clip-1", Requests.Clip()));
        Assert.Equal(JobState.OutcomeUnknown, again.State);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Killed_while_waiting_resumes_polling_the_recorded_task()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess();
        using var kill = new CancellationTokenSource();
        first.Runner.Changed += (_, e) =>
        {
            if (e.Message == "polled")
            {
                kill.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip(), cancellationToken: kill.Token)));
        Assert.Equal(JobState.Submitted, (await first.Ledger.FindAsync("clip-1"))!.State);

        var job = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Stored, job.State);
        Assert.Equal(world.Simulator.Admin.Tasks.Single().Id, job.TaskId);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Killed_mid_download_resumes_with_the_download_and_one_task()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess(wrap: h => new KillOnRequest(h, "/files/"));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip())));
        Assert.Equal(JobState.Completed, (await first.Ledger.FindAsync("clip-1"))!.State);
        Assert.Empty(Directory.GetFiles(world.OutputFolder));

        var job = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Stored, job.State);
        Assert.True(File.Exists(job.Location));
        Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Killed_after_the_download_landed_before_it_was_recorded_stores_it_again_without_a_second_task()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Stored));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip())));

        var job = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Stored, job.State);
        var bytes = await File.ReadAllBytesAsync(job.Location!);
        Assert.Equal(job.Bytes, bytes.LongLength);
        Assert.Equal(job.Sha256, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant());
        Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task A_stored_job_run_again_in_a_new_process_returns_it_without_any_request()
    {
        await using var world = JobWorld.Start();
        var stored = await world.Time.RunAsync(world.StartProcess().Runner.RunAsync("clip-1", Requests.Clip()));
        var requests = world.Simulator.Admin.Journal.Count;

        var again = await world.Time.RunAsync(world.StartProcess().Runner.RunAsync("clip-1", Requests.Clip("another prompt")));

        Assert.Equal(stored, again);
        Assert.Equal(requests, world.Simulator.Admin.Journal.Count);
    }
}
