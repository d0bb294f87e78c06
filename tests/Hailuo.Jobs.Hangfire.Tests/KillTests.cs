using System.Globalization;
using Hailuo.Jobs.Hangfire.Tests.Support;
using Hailuo.Jobs.Tests.Support;
using Xunit.Abstractions;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>
/// Three worker processes and one receiver process against one simulator with faults on every endpoint; one worker is
/// killed with SIGKILL twice at random moments and started again. Counted from the simulator's own records. CI runs
/// HAILUO_KILL_JOBS jobs (default 60); the full run is `HAILUO_KILL_JOBS=1000 dotnet test ... --filter KillTests` (docs/SCALE.md).
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class KillTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_worker_twice_mid_run_loses_nothing_and_pays_nothing_twice()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("HAILUO_KILL_JOBS"), CultureInfo.InvariantCulture, out var n) ? n : 60;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"{count} jobs, seed {seed}");
        var receiver = new Uri($"http://127.0.0.1:{PostgresCluster.FreePort()}/");
        await using var deployment = await Deployment.StartAsync(cluster, s => s.UrlLifetime = TimeSpan.FromSeconds(3), o => o.CallbackBaseAddress = receiver);
        string[] worker = ["--lease", "00:00:05"];
        await deployment.StartWorkerAsync(0, "--listen", receiver.AbsoluteUri);
        var victim = await deployment.StartWorkerAsync(6, worker);
        await deployment.StartWorkerAsync(6, worker);
        await deployment.StartWorkerAsync(6, worker);
        ScriptFaults(deployment, Math.Max(1, count / 50));

        var started = DateTime.UtcNow;
        for (var i = 1; i <= count; i++)
        {
            await deployment.Jobs.StartAsync($"clip-{i}", Deployment.Clip($"clip-{i}"));
        }

        // Two kills at random moments while jobs still move, each followed by a restart.
        for (var kill = 0; kill < 2; kill++)
        {
            var stored = random.Next(count / 10, count / 2);
            await deployment.WaitForAsync(jobs => jobs.Count(j => j.State.IsFinished()) >= stored * (kill + 1) / 2, TimeSpan.FromMinutes(5));
            output.WriteLine($"SIGKILL after {stored * (kill + 1) / 2} jobs ended, {DateTime.UtcNow - started:mm\\:ss}");
            victim.Kill();
            victim = await deployment.RestartAsync(victim, 6, worker);
        }

        var jobs = await deployment.WaitUntilSettledAsync(count, TimeSpan.FromMinutes(count <= 100 ? 5 : 40));
        output.WriteLine($"settled in {DateTime.UtcNow - started:mm\\:ss}: {string.Join(", ", jobs.GroupBy(j => j.State).Select(g => $"{g.Count()} {g.Key}"))}");

        var tasks = deployment.Simulator.Admin.Tasks;
        var perKey = deployment.TasksPerKey();
        var unreconciled = await UnreconciledAsync(deployment, jobs, output);
        Assert.Equal(count, jobs.Count);                                             // 0 lost: every job is in the ledger
        Assert.All(perKey, p => Assert.Equal(1, p.Value));                           // 0 paid twice
        Assert.All(tasks, t => Assert.Contains(jobs, j => j.TaskId == t.Id || (j.State == JobState.OutcomeUnknown && Deployment.PromptOf(j.Key) == t.Prompt)));
        Assert.All(jobs, j => Assert.True(j.State is JobState.Stored or JobState.Failed or JobState.OutcomeUnknown, j.ToString()));
        Assert.All(jobs.Where(j => j.State == JobState.Failed), j => Assert.False(string.IsNullOrEmpty(j.Error)));
        var files = Directory.GetFiles(deployment.OutputFolder);
        Assert.Equal(jobs.Count(j => j.State == JobState.Stored), files.Length);     // never stored twice under two names
        Assert.All(jobs.Where(j => j.State == JobState.Stored), j => Assert.Contains(j.Location, files));

        // Every outcome unknown is either reconciled (it has its task) or listed for a person, with no task of its own.
        Assert.All(jobs.Where(j => j.State == JobState.OutcomeUnknown), j => Assert.Null(j.TaskId));
        output.WriteLine($"{tasks.Count} tasks, {files.Length} stored, {jobs.Count(j => j.State == JobState.OutcomeUnknown)} outcome unknown listed, {unreconciled.Count} of them with a paid task"
            + string.Concat(unreconciled.GroupBy(u => u).Select(g => $", {g.Count()} {g.Key}")));

        // A notification the receiver answered 2xx was taken in: its job must hold the task. The other two kinds are the
        // provider's documented behaviour toward a receiver too slow for its 3 s (no retries), and stay listed for a person.
        Assert.DoesNotContain(Unsettled.AnsweredButNotAdopted, unreconciled);
    }

    /// <summary>Why each paid task that no job holds was not reconciled, from the simulator's records of its callbacks.</summary>
    private static async Task<List<Unsettled>> UnreconciledAsync(Deployment deployment, IReadOnlyList<JobRecord> jobs, ITestOutputHelper output)
    {
        var found = new List<Unsettled>();
        foreach (var task in deployment.Simulator.Admin.Tasks.Where(t => !jobs.Any(j => j.TaskId == t.Id)))
        {
            // Read again: a notification answered after the snapshot above has written its task by now.
            var job = (await deployment.Ledger.FindAsync(jobs.Single(j => Deployment.PromptOf(j.Key) == task.Prompt).Key))!;
            if (job.TaskId == task.Id)
            {
                continue;
            }

            var notifications = deployment.Callbacks.For(job.Key).Where(a => !a.Challenge).ToList();
            var kind = task.Callback != CallbackState.Verified ? Unsettled.ChallengeNotEchoedInTime
                : notifications.Any(a => a.Status is >= 200 and < 300) ? Unsettled.AnsweredButNotAdopted
                : Unsettled.NoNotificationAnsweredInTime;
            found.Add(kind);
            output.WriteLine($"{kind}: task {task.Id} of {job.Key}, callback {task.Callback}; job {job.State}, challenged {job.ChallengedAt:HH:mm:ss.fff}: {job.Error}");
            foreach (var attempt in deployment.Callbacks.For(job.Key))
            {
                output.WriteLine("  " + attempt);
            }
        }

        return found;
    }

    private enum Unsettled
    {
        /// <summary>The receiver did not echo the challenge within the API's 3 s, so the provider sent no notification.</summary>
        ChallengeNotEchoedInTime,

        /// <summary>Every notification went unanswered within the API's 3 s; the provider does not send one again.</summary>
        NoNotificationAnsweredInTime,

        /// <summary>The receiver answered a notification 2xx, yet its job has no task: a receiver bug.</summary>
        AnsweredButNotAdopted,
    }

    /// <summary>Resets, 5xx, stalls, 429 storms and answers lost after the task was made, on every endpoint; expired URLs come from the 3-second URL lifetime.</summary>
    private static void ScriptFaults(Deployment deployment, int scale)
    {
        var admin = deployment.Simulator.Admin;
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 2 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenGateway504, scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 2 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 4 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status502, 8 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.ConnectionReset, 4 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.ConnectionReset, 4 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Status500, 4 * scale));
        admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Stall, 1));
        RateLimitStorm.Script(deployment.Simulator.Server, HailuoSpec.ApiMartDialect.Submit, 10 * scale, TimeSpan.FromSeconds(2));
        RateLimitStorm.Script(deployment.Simulator.Server, HailuoSpec.ApiMartDialect.Status, 10 * scale, TimeSpan.FromSeconds(2));
    }
}
