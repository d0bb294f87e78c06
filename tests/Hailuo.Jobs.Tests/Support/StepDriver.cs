namespace Hailuo.Jobs.Tests.Support;

/// <summary>Runs a job's steps as a scheduler would: one step, then the clock moved to the time the step asked for.</summary>
internal static class StepDriver
{
    /// <summary>Advances the job until it needs no more steps: each step on every worker at once, then once more on the first, as at-least-once delivery may.</summary>
    public static async Task<StepOutcome> DriveAsync(JobWorld world, string key, params HailuoJobSteps[] workers)
    {
        // Bounded: a job that never ends fails the test instead of hanging it.
        for (var round = 0; round < 500; round++)
        {
            var outcomes = await world.Time.RunAsync(Task.WhenAll(workers.Select((w, i) => w.AdvanceAsync(key, "worker-" + i))));
            var again = await world.Time.RunAsync(workers[0].AdvanceAsync(key, "worker-0"));
            if (again.IsDone)
            {
                return again;
            }

            var next = new[] { again }.Concat(outcomes).Where(o => !o.HeldElsewhere && o.RunAgainAt is not null).Min(o => o.RunAgainAt!.Value);
            if (next > world.Time.GetUtcNow())
            {
                world.Time.Advance(next - world.Time.GetUtcNow());
            }
        }

        throw new InvalidOperationException($"job {key} did not end within 500 rounds of steps");
    }
}
