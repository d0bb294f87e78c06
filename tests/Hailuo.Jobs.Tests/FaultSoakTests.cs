using System.Globalization;
using System.Security.Cryptography;
using Hailuo.Jobs.Tests.Support;
using Xunit.Abstractions;

namespace Hailuo.Jobs.Tests;

/// <summary>
/// Many jobs through the ledger under scripted faults, counted from the simulator's own records; with callbacks on,
/// they reach the jobs through the receiver (<c>MapHailuoCallbacks</c>) on each job's secret URL. 200 jobs here; the
/// 1,000-job run of docs/PERFORMANCE.md is <c>HAILUO_SOAK_JOBS=1000 dotnet test tests/Hailuo.Jobs.Tests -c Release --filter FaultSoak</c>.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    // Faults per 200 jobs: answers lost, late or a gateway's 504 after the task was created, 500s before it was, transient read failures, stalls and 429 storms.
    private const int SubmitThenFail = 6;
    private const int SubmitThenAnswerLate = 4;
    private const int SubmitThenGateway504 = 4;
    private const int Submit500 = 4;
    private const int CreatedUnanswered = SubmitThenFail + SubmitThenAnswerLate + SubmitThenGateway504;

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Jobs_under_faults_lose_nothing_and_pay_once(bool callbacks, bool resubmit)
    {
        var jobs = int.Parse(Environment.GetEnvironmentVariable("HAILUO_SOAK_JOBS") ?? "200", CultureInfo.InvariantCulture);
        var scale = Math.Max(1, jobs / 200);
        await using var receiver = await CallbackReceiver.StartAsync();
        VirtualClockDriver? time = null;
        await using var world = JobWorld.Start(o =>
        {
            o.RequestsPerMinute = 2 * jobs;
            o.UrlLifetime = TimeSpan.FromSeconds(1);
            o.JournalCapacity = 200 * jobs;
            o.CallbackClient = new HttpClient(new DeferredHandler(() => time!.CreateHandler(receiver.CreateHandler())));
        });
        time = world.Time;
        world.Time.MaxStep = callbacks ? TimeSpan.FromSeconds(1) : null;
        var admin = world.Simulator.Admin;
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, SubmitThenFail * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenAnswerLate, SubmitThenAnswerLate * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenGateway504, SubmitThenGateway504 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status500, Submit500 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 10 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status502, 20 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.ConnectionReset, 10 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 2 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Stall, 2 * scale));
        world.Time.WatchStalls(admin);
        RateLimitStorm.Script(world.Simulator.Server, HailuoSpec.ApiMartDialect.Submit, 20 * scale, TimeSpan.FromSeconds(5));
        RateLimitStorm.Script(world.Simulator.Server, HailuoSpec.ApiMartDialect.Status, 20 * scale, TimeSpan.FromSeconds(5));
        var process = world.StartProcess(o =>
        {
            o.CallbackBaseAddress = callbacks ? receiver.BaseAddress : null;
            o.ResubmitAfterLongestRender = resubmit;
        });
        receiver.Runner = process.Runner;
        var history = new System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset At, JobEvent Event)>();
        process.Runner.Changed += (_, e) => history.Enqueue((world.Time.GetUtcNow(), e));
        var keys = Enumerable.Range(1, jobs).Select(i => "soak-" + i.ToString("0000", CultureInfo.InvariantCulture)).ToList();

        // A job refused for now (a 429 storm outlasting its retries) stays in the ledger as created; resuming submits it.
        await world.Time.RunAsync(Task.WhenAll(keys.Select(k => Quietly(process.Runner.RunAsync(k, Requests.Clip("soak clip " + k))))));
        for (var pass = 0; pass < 5 && (await process.Ledger.ListUnfinishedAsync()).Any(j => j.State != JobState.OutcomeUnknown); pass++)
        {
            await world.Time.RunAsync(Quietly(process.Runner.ResumeAllAsync()));
        }

        var ledger = (await process.Ledger.ListAsync()).ToDictionary(j => j.Key);
        // A submit created (and charged) a task exactly when the simulator's journal names the task it made.
        var paid = admin.Journal
            .Where(e => e.Endpoint == SimulatorEndpoint.Submit && e.TaskId is not null)
            .GroupBy(e => keys.Single(k => e.Body.Contains("soak clip " + k + "\"", StringComparison.Ordinal)))
            .ToDictionary(g => g.Key, g => g.Count());
        var stored = ledger.Values.Count(j => j.State == JobState.Stored && File.Exists(j.Location) && Hash(j.Location!) == j.Sha256);
        var unknown = ledger.Values.Count(j => j.State == JobState.OutcomeUnknown);
        var lost = keys.Count(k => !ledger.TryGetValue(k, out var j) || j.State is not (JobState.Stored or JobState.OutcomeUnknown) || (j.State == JobState.Stored && Hash(j.Location!) != j.Sha256));
        var doublePaid = paid.Values.Count(n => n > 1);
        var unknownWithTask = ledger.Values.Count(j => j.State == JobState.OutcomeUnknown && paid.ContainsKey(j.Key));
        output.WriteLine($"callbacks={(callbacks ? "on" : "off")} resubmit={(resubmit ? "on" : "off")} jobs={jobs} lost={lost} double_paid={doublePaid} stored={stored} outcome_unknown={unknown} outcome_unknown_with_task={unknownWithTask} tasks={admin.Tasks.Count} late_answers={admin.Journal.Count(e => e.Fault == FaultKind.SubmitThenAnswerLate)} gateway_504={admin.Journal.Count(e => e.Fault == FaultKind.SubmitThenGateway504)}");

        // Whatever went wrong is named: each double payment, and each outcome unknown with a task, with its submits as the simulator journaled them.
        foreach (var key in paid.Where(p => p.Value > 1 || ledger[p.Key].State == JobState.OutcomeUnknown).Select(p => p.Key))
        {
            var submits = admin.Journal.Where(e => e.Endpoint == SimulatorEndpoint.Submit && e.Body.Contains("soak clip " + key + "\"", StringComparison.Ordinal));
            output.WriteLine(string.Join(" | ", history.Where(h => h.Event.Key == key && h.Event.Message != "polled").Select(h => $"{h.At:HH:mm:ss.fff} {h.Event.State} {h.Event.TaskId} {h.Event.Message}")));
            output.WriteLine($"{(paid[key] > 1 ? "paid twice" : "outcome unknown with a task")}: {key} {ledger[key]} ({ledger[key].Error}) submits: " + string.Join("; ", submits.Select(e => $"{e.Time:HH:mm:ss} {e.Status} {e.Fault} {e.TaskId} callback={admin.Tasks.FirstOrDefault(t => t.Id == e.TaskId)?.Callback}")));
        }

        // Every scripted fault was met: the stalls were journaled, and each 429 storm ran to its last refusal.
        Assert.Equal(4 * scale, admin.Journal.Count(e => e.Fault == FaultKind.Stall));
        Assert.All(world.Simulator.Server.Scenarios, s => Assert.Equal(RateLimitStorm.State(20 * scale), s.NextState));
        Assert.Equal(0, lost);
        Assert.Equal(0, doublePaid);
        Assert.Equal(admin.Tasks.Count, paid.Values.Sum());
        // With callbacks, only the 500s (no task, so no callback) stay unknown, and the opt-in resubmit stores them too; without, every unanswered submit stays visible.
        var expectedUnknown = ((callbacks ? 0 : CreatedUnanswered) + (resubmit ? 0 : Submit500)) * scale;
        Assert.Equal(expectedUnknown, unknown);
        Assert.Equal(callbacks ? 0 : CreatedUnanswered * scale, unknownWithTask);
        Assert.Equal(jobs - expectedUnknown, stored);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private static async Task<bool> Quietly(Task task)
    {
        try
        {
            await task;
            return true;
        }
        catch (Exception)
        {
            // Whatever stopped a run, the ledger holds the job; the counts below say whether anything was lost.
            return false;
        }
    }
}
