namespace Hailuo.Jobs;

/// <summary>A storyboard run: each clip's job, and the film when every clip was stored.</summary>
/// <param name="Clips">The clips' jobs in film order (fewer than planned when one stopped the run).</param>
/// <param name="Film">The stitched film, or null when a clip did not end stored.</param>
public sealed record StoryboardResult(IReadOnlyList<JobRecord> Clips, StitchResult? Film)
{
    /// <summary>Each shot's job as prepared: its key, take, and whether this run reused or rendered it.</summary>
    public IReadOnlyList<ShotJob> Shots { get; init; } = [];

    /// <summary>The first clip that did not end stored (failed, or outcome unknown), if any.</summary>
    public JobRecord? Stopped => Clips.FirstOrDefault(c => c.State != JobState.Stored);
}
