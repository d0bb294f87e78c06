using System.Globalization;

namespace Hailuo.Jobs;

/// <summary>How a storyboard's shots find their jobs in the ledger.</summary>
public sealed record StoryboardRunOptions
{
    /// <summary>Keeps these shots apart from equal shots of another scope on the same ledger (the CLI's "simulator").</summary>
    public string? Scope { get; init; }

    /// <summary>Shot numbers to render again as a new take, though nothing changed.</summary>
    public IReadOnlyCollection<int> Redo { get; init; } = [];

    /// <summary>
    /// The storyboard key a ledger written before content keys used ("{key}/shot-01"): a shot whose content has no job
    /// yet continues that job, so the film it was making is resumed, not paid again.
    /// </summary>
    public string? FormerKey { get; init; }

    /// <summary>Checks the options against <paramref name="plan"/> without reading the ledger.</summary>
    /// <exception cref="StoryboardException">A shot to redo is not in the plan, or its take is pinned.</exception>
    public void Check(StoryboardPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var number in Redo)
        {
            if (number < 1 || number > plan.Clips.Count)
            {
                throw new StoryboardException(string.Create(CultureInfo.InvariantCulture, $"--redo {number} names no shot: the storyboard has {plan.Clips.Count} shots; allowed: 1 to {plan.Clips.Count}."));
            }

            if (plan.Clips[number - 1].PinnedTake is { } pinned)
            {
                throw new StoryboardException(string.Create(CultureInfo.InvariantCulture, $"--redo {number}: shots[{number - 1}].take pins take {pinned}, so a new take would not be used; remove the pin to redo the shot."));
            }
        }
    }
}
