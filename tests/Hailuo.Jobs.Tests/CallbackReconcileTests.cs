using System.Net;
using System.Net.Http.Json;
using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>A submit whose answer was lost is reconciled by the provider's callback instead of a guess.</summary>
public sealed class CallbackReconcileTests
{
    [Fact]
    public async Task A_lost_submit_answer_is_reconciled_by_the_callback_and_the_job_finishes_without_a_second_submit()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = StartWorld(receiver);
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var process = Process(world, receiver);

        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));

        Assert.Equal(JobState.Stored, job.State);
        var task = Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(task.Id, job.TaskId);
        Assert.Equal(CallbackState.Verified, task.Callback);
        Assert.Equal(job.CallbackUrl, task.CallbackUrl);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Without_a_callback_an_unknown_submit_stays_visible_unless_resubmitting_is_opted_in()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = StartWorld(receiver);

        // The reset comes before the simulator handles the submit: no task exists, and no callback will say so.
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));
        var careful = await world.Time.RunAsync(Process(world, receiver).Runner.RunAsync("careful", Requests.Clip()));
        Assert.Equal(JobState.OutcomeUnknown, careful.State);
        Assert.Empty(world.Simulator.Admin.Tasks);

        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));
        var started = world.Time.GetUtcNow();
        var bold = await world.Time.RunAsync(Process(world, receiver, o => o.ResubmitAfterLongestRender = true).Runner.RunAsync("bold", Requests.Clip()));

        Assert.Equal(JobState.Stored, bold.State);
        Assert.Equal(2, bold.Submits);
        Assert.True(bold.SubmitSentAt - started >= HailuoSpec.Tasks.LongestRender, "the resubmit waited the longest render time");
        Assert.Single(world.Simulator.Admin.Tasks);
    }

    [Fact]
    public async Task The_receiver_answers_the_challenge_for_known_jobs_only_and_ignores_replays()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = StartWorld(receiver);
        var process = Process(world, receiver);
        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));
        using var http = new HttpClient(receiver.CreateHandler()) { BaseAddress = receiver.BaseAddress };

        using var unknown = await http.PostAsJsonAsync(CallbackPath.UrlFor(receiver.BaseAddress, "nobody", CallbackPath.NewSecret()), new { challenge = "abc" });
        using var challenge = await http.PostAsJsonAsync(job.CallbackUrl, new { challenge = "abc" });
        using var replay = await http.PostAsJsonAsync(job.CallbackUrl, new { code = 200, data = new { id = "task_someone_else", status = "completed" } });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("abc", await challenge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(job, await process.Ledger.FindAsync("clip-1"));
        Assert.False(await process.Runner.AdoptTaskAsync("clip-1", job.TaskId!));
    }

    private static JobWorld StartWorld(CallbackReceiver receiver) => ReceiverWorld.Start(receiver);

    private static JobProcess Process(JobWorld world, CallbackReceiver receiver, Action<HailuoJobOptions>? configure = null) => ReceiverWorld.Process(world, receiver, configure);
}
