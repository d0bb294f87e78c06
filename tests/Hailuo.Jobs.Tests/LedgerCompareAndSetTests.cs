using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>The ledger cannot overwrite itself: every write is a compare-and-set on the row's version.</summary>
public sealed class LedgerCompareAndSetTests
{
    [Theory]
    [InlineData(FaultKind.SubmitThenAnswerLate)]
    [InlineData(FaultKind.SubmitThenGateway504)]
    public async Task A_callback_during_a_submit_whose_answer_then_comes_too_late_keeps_its_task_id_and_the_job_finishes_on_one_task(FaultKind fault)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        world.Time.WatchStalls(world.Simulator.Admin);
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, fault, 1));
        var process = ReceiverWorld.Process(world, receiver, o => o.ResubmitAfterLongestRender = true);
        var states = new List<JobState>();
        process.Runner.Changed += (_, e) => states.Add(e.State);

        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));

        var task = Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal((JobState.Stored, task.Id, 1), (job.State, job.TaskId, job.Submits));
        Assert.Equal(1, world.SubmitsReceived);
        if (fault == FaultKind.SubmitThenAnswerLate)
        {
            // The callback came while the submit was held: the submit's timeout did not erase what it gave.
            Assert.DoesNotContain(JobState.OutcomeUnknown, states);
        }
    }

    [Fact]
    public async Task Two_concurrent_callbacks_for_one_job_one_wins_and_the_other_changes_nothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        var (first, waiting) = await ReceiverWorld.UnknownJobAsync(world, receiver, "clip-1");
        first.Dispose();

        // Both callbacks read the job before either writes: the race a check-then-save loses.
        var barrier = new ReadBarrier(2);
        var process = world.StartProcess(o => o.CallbackBaseAddress = receiver.BaseAddress, store: s => new BarrierStore(s, barrier));

        var adopted = await Task.WhenAll(
            process.Runner.AdoptTaskAsync("clip-1", "task_01AAAAAAAAAAAAAAAAAAAAAAAA"),
            process.Runner.AdoptTaskAsync("clip-1", "task_01BBBBBBBBBBBBBBBBBBBBBBBB")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(adopted, true);
        var held = await process.Ledger.FindAsync("clip-1");
        var winner = adopted[0] ? "task_01AAAAAAAAAAAAAAAAAAAAAAAA" : "task_01BBBBBBBBBBBBBBBBBBBBBBBB";
        Assert.Equal((JobState.Submitted, winner, waiting.Version + 1), (held!.State, held.TaskId, held.Version));
    }

    [Fact]
    public async Task A_write_over_a_version_already_replaced_is_refused_and_changes_nothing()
    {
        await using var world = JobWorld.Start();
        using var store = new SqliteJobStore(world.LedgerPath, world.Time);
        var added = await store.AddOrGetAsync(NewJob("clip-1"));

        var written = await store.TrySaveAsync(added with { State = JobState.Submitted, TaskId = "task_01WINNER" });
        var stale = await store.TrySaveAsync(added with { State = JobState.OutcomeUnknown, TaskId = null });

        Assert.Null(stale);
        Assert.Equal(written, await store.FindAsync("clip-1"));
        Assert.Equal((1L, 2L), (added.Version, written!.Version));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TrySaveAsync(added with { Key = "nobody" }));
    }

    [Fact]
    public async Task A_claim_gives_a_job_one_owner_until_its_lease_expires_on_the_stores_clock()
    {
        await using var world = JobWorld.Start();
        using var store = new SqliteJobStore(world.LedgerPath, world.Time);
        await store.AddOrGetAsync(NewJob("clip-1"));
        var minute = TimeSpan.FromMinutes(1);

        var a = await store.TryClaimAsync("clip-1", "process-a", minute);
        var b = await store.TryClaimAsync("clip-1", "process-b", minute);
        world.Time.Advance(TimeSpan.FromSeconds(50));
        var renewed = await store.RenewAsync(a!, minute);
        world.Time.Advance(TimeSpan.FromSeconds(50));
        var stillA = await store.TryClaimAsync("clip-1", "process-b", minute);
        world.Time.Advance(TimeSpan.FromSeconds(11));
        var taken = await store.TryClaimAsync("clip-1", "process-b", minute);
        var lateRenewal = await store.RenewAsync(renewed!, minute);
        await store.ReleaseAsync(renewed!);
        var afterForeignRelease = await store.TryClaimAsync("clip-1", "process-c", minute);
        await store.ReleaseAsync(taken!);
        var afterRelease = await store.TryClaimAsync("clip-1", "process-c", minute);

        Assert.NotNull(a);
        Assert.Null(b);
        Assert.Equal(world.Time.GetUtcNow() - TimeSpan.FromSeconds(61) + minute, renewed!.ExpiresAt);
        Assert.Null(stillA);
        Assert.Equal("process-b", taken!.Owner);
        Assert.Null(lateRenewal);
        Assert.Null(afterForeignRelease);
        Assert.Equal("process-c", afterRelease!.Owner);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TryClaimAsync("nobody", "process-a", minute));
    }

    private static JobRecord NewJob(string key) => new()
    {
        Key = key,
        Provider = "APIMart",
        State = JobState.Created,
        Request = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>Lets the first <c>n</c> reads through only together.</summary>
    private sealed class ReadBarrier(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived == count)
            {
                _all.TrySetResult();
            }

            return arrived <= count ? _all.Task : Task.CompletedTask;
        }
    }

    /// <summary>A ledger whose reads wait at the barrier, so two readers see the same version.</summary>
    private sealed class BarrierStore(IJobStore inner, ReadBarrier barrier) : ForwardingStore(inner)
    {
        public override async Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
        {
            var job = await Inner.FindAsync(key, cancellationToken);
            await barrier.ArriveAsync();
            return job;
        }
    }
}
