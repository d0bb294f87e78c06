using System.Globalization;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>How a shot's job event reads, the same in the live display and in plain lines.</summary>
internal static class ShotText
{
    /// <summary>The step: the task's status while polled ("processing"), else the job's state ("submitting", "stored").</summary>
    public static string Step(JobEvent change) => change.TaskStatus is { } status ? status.ToString().ToLowerInvariant() : change.State switch
    {
        JobState.Created => "recorded",
        JobState.OutcomeUnknown => "submit outcome unknown",
        _ => change.State.ToString().ToLowerInvariant(),
    };

    /// <summary>How far along its steps the job is (recorded, submitting, submitted, queued, processing, completed, stored).</summary>
    public static int Percent(JobEvent change) => change.State switch
    {
        JobState.Submitting => 10,
        JobState.Submitted => change.TaskStatus switch
        {
            VideoTaskStatus.Queued => 30,
            VideoTaskStatus.Processing => 50,
            VideoTaskStatus.Completed => 70,
            _ => 20,
        },
        JobState.Completed => 85,
        JobState.Stored => 100,
        _ => 0,
    };

    /// <summary>"1 shot", "6 shots".</summary>
    public static string Shots(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " shot" : " shots");

    public static string Label(int number, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"shot {number.ToString(CultureInfo.InvariantCulture).PadLeft(count.ToString(CultureInfo.InvariantCulture).Length)}/{count}");
}
