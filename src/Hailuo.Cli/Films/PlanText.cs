using System.Globalization;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>The plan as a person checks it before paying: one line per shot with what the run does for it, the total, then the cost of the change.</summary>
internal static class PlanText
{
    private const int PromptExcerpt = 48;

    public static void Write(IAnsiConsole console, StoryboardJobs jobs, StoryboardPlan final, string where)
    {
        var plan = jobs.Plan;
        var first = plan.Clips[0].Request;
        console.WriteLine(plan.Draft ? string.Create(CultureInfo.InvariantCulture, $"draft plan on {where}, at {first.Resolution} {first.Duration} s:") : $"plan on {where}:");
        var modes = plan.Clips.Select(Mode).ToList();
        var width = modes.Max(m => m.Length);
        var works = jobs.Shots.Select(s => s.Describe()).ToList();
        var workWidth = works.Max(w => w.Length);
        foreach (var clip in plan.Clips)
        {
            var request = clip.Request;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  shot {clip.Number,2}  {request.Model}  {request.Resolution}  {request.Duration} s  {modes[clip.Number - 1].PadRight(width)}  {clip.Cost}  {works[clip.Number - 1].PadRight(workWidth)}  {Excerpt(request.Prompt)}"));
        }

        var total = string.Create(CultureInfo.InvariantCulture, $"{ShotText.Shots(plan.Clips.Count)}, {plan.Seconds} s, {plan.Mode.ToString().ToLowerInvariant()}: estimated {plan.TotalCost}");
        var finalRequest = final.Clips[0].Request;
        console.WriteLine(plan.Draft ? total + string.Create(CultureInfo.InvariantCulture, $" (the final at {finalRequest.Resolution} {finalRequest.Duration} s: {final.TotalCost})") : total);
        console.WriteLine(jobs.Describe());
    }

    private static string Mode(PlannedClip clip) => clip.ChainsFromPrevious
        ? string.Create(CultureInfo.InvariantCulture, $"{(clip.Request.LastFrameImage is null ? VideoMode.ImageToVideo : VideoMode.FirstAndLastFrame).ToWireName()} from shot {clip.Number - 1}")
        : clip.Request.EffectiveMode().ToWireName();

    private static string Excerpt(string? prompt) =>
        prompt is null || prompt.Length <= PromptExcerpt ? prompt ?? string.Empty : prompt[..(PromptExcerpt - 1)].TrimEnd() + "…";
}
