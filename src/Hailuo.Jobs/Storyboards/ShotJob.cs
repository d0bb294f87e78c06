using System.Globalization;

namespace Hailuo.Jobs;

/// <summary>What a run does for a shot.</summary>
public enum ShotWork
{
    /// <summary>The ledger holds the shot's clip: nothing is paid.</summary>
    Reuse,

    /// <summary>The ledger holds the shot's job, not yet stored: it is continued, and was paid for when submitted.</summary>
    Resume,

    /// <summary>The shot is rendered: a new job, paid for.</summary>
    Render,
}

/// <summary>A planned shot with its job: its key (from its content), its take and what the run does for it.</summary>
/// <param name="Clip">The planned clip.</param>
/// <param name="Key">The job key in the ledger.</param>
/// <param name="Take">The take the film uses (1 is the first render).</param>
/// <param name="Work">Reuse, resume or render.</param>
/// <param name="NewTake">Whether it is rendered again as a new take of a shot the ledger already holds (--redo).</param>
public sealed record ShotJob(PlannedClip Clip, string Key, int Take, ShotWork Work, bool NewTake)
{
    /// <summary>"reuse", "resume", "render", or "render take 2 (new take)".</summary>
    public string Describe() => Work switch
    {
        ShotWork.Reuse => Take > 1 ? string.Create(CultureInfo.InvariantCulture, $"reuse take {Take}") : "reuse",
        ShotWork.Resume => "resume",
        _ => NewTake ? string.Create(CultureInfo.InvariantCulture, $"render take {Take} (new take)") : "render",
    };
}

/// <summary>A plan with each shot's job: what will be reused and what rendered, and what the rendering costs.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Shots">One job per clip, in film order.</param>
public sealed record StoryboardJobs(StoryboardPlan Plan, IReadOnlyList<ShotJob> Shots)
{
    /// <summary>The shots to render (and pay for) in this run.</summary>
    public IReadOnlyList<ShotJob> ToRender => Shots.Where(s => s.Work == ShotWork.Render).ToList();

    /// <summary>What rendering costs in US dollars, or null when a rendered shot's price is not published.</summary>
    public decimal? RenderDollars => ToRender.All(s => s.Clip.Cost.Dollars is not null) ? ToRender.Sum(s => s.Clip.Cost.Dollars!.Value) : null;

    /// <summary>The cost of the change in words: "2 of 6 shots to render: $0.80; 4 reused".</summary>
    public string Describe()
    {
        var render = ToRender.Count;
        var cost = RenderDollars is { } d ? JobBudget.Money(d) : "unknown (a price is not published)";
        var reused = Shots.Count(s => s.Work == ShotWork.Reuse);
        var resumed = Shots.Count(s => s.Work == ShotWork.Resume);
        return string.Create(CultureInfo.InvariantCulture, $"{render} of {Shots.Count} shots to render: {cost}; {reused} reused")
            + (resumed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {resumed} resumed (already paid)") : string.Empty);
    }
}
