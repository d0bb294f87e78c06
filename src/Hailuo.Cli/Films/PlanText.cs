using System.Globalization;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>The plan as a person checks it before paying: one line per shot, then the total.</summary>
internal static class PlanText
{
    private const int PromptExcerpt = 48;

    public static void Write(IAnsiConsole console, StoryboardPlan plan, string where)
    {
        console.WriteLine($"plan on {where}:");
        var modes = plan.Clips.Select(Mode).ToList();
        var width = modes.Max(m => m.Length);
        foreach (var clip in plan.Clips)
        {
            var request = clip.Request;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  shot {clip.Number,2}  {request.Model}  {request.Resolution}  {request.Duration} s  {modes[clip.Number - 1].PadRight(width)}  {clip.Cost}  {Excerpt(request.Prompt)}"));
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ShotText.Shots(plan.Clips.Count)}, {plan.Seconds} s, {plan.Mode.ToString().ToLowerInvariant()}: estimated {plan.TotalCost}"));
    }

    private static string Mode(PlannedClip clip) => clip.ChainsFromPrevious
        ? string.Create(CultureInfo.InvariantCulture, $"{(clip.Request.LastFrameImage is null ? VideoMode.ImageToVideo : VideoMode.FirstAndLastFrame).ToWireName()} from shot {clip.Number - 1}")
        : clip.Request.EffectiveMode().ToWireName();

    private static string Excerpt(string? prompt) =>
        prompt is null || prompt.Length <= PromptExcerpt ? prompt ?? string.Empty : prompt[..(PromptExcerpt - 1)].TrimEnd() + "…";
}
