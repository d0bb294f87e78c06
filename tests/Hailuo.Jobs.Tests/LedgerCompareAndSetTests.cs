using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>The runner and the receiver cannot make the ledger overwrite itself (the stores' own compare-and-set and leases: Hailuo.Jobs.Stores.Tests).</summary>
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
