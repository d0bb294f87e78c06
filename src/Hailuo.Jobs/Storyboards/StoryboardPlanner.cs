using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>Checks a storyboard against the spec and splits it into clips; every error names the field, the value and what is allowed.</summary>
public static class StoryboardPlanner
{
    /// <summary>
    /// Plans <paramref name="storyboard"/> for <paramref name="provider"/>; with <paramref name="draft"/>, at the cheapest
    /// resolution and duration the spec allows for its model and modes, with the same prompts, camera moves and images.
    /// </summary>
    /// <exception cref="StoryboardException">The storyboard cannot be made as written, or a draft would cost no less.</exception>
    public static StoryboardPlan Plan(Storyboard storyboard, ProviderInfo provider, bool draft = false)
    {
        ArgumentNullException.ThrowIfNull(storyboard);
        ArgumentNullException.ThrowIfNull(provider);
        if (storyboard.Shots is not { Count: > 0 })
        {
            throw new StoryboardException("The storyboard has no shots: 'shots' must list at least one shot with a prompt.");
        }

        var model = provider.FindModel(storyboard.Model) ?? throw new StoryboardException(
            $"'model' is '{storyboard.Model}', which {provider.Name} does not serve; allowed: {string.Join(", ", provider.Models.Select(m => m.Id))}.");
        var resolution = storyboard.Resolution ?? model.Defaults?.Resolution ?? provider.Defaults.Resolution;
        var duration = storyboard.Duration ?? model.Defaults?.Duration ?? provider.Defaults.Duration;
        var modes = storyboard.Shots.Select((shot, i) => ModeOf(storyboard, shot, i)).ToList();
        for (var i = 0; i < modes.Count; i++)
        {
            var rules = model.FindMode(modes[i]) ?? throw new StoryboardException(
                $"shots[{i}] needs {modes[i].ToWireName()}, which {model.Id} does not offer; it offers {string.Join(", ", model.Modes.Select(m => m.Mode.ToWireName()))}.");
            if (!rules.Allows(resolution, duration))
            {
                throw new StoryboardException(string.Create(CultureInfo.InvariantCulture,
                    $"'resolution' {resolution} with 'duration' {duration} s is not allowed for {model.Id} {modes[i].ToWireName()} (shot {i + 1}); allowed: {rules.Describe()}."));
            }
        }

        if (draft)
        {
            (resolution, duration) = DraftCut.Choose(provider, model, modes, resolution, duration);
        }

        var clips = new List<PlannedClip>();
        for (var i = 0; i < storyboard.Shots.Count; i++)
        {
            var shot = storyboard.Shots[i];
            if (shot.Take is < 1)
            {
                throw new StoryboardException(string.Create(CultureInfo.InvariantCulture, $"shots[{i}].take is {shot.Take}; it must be a take number, 1 or more (1 is the first render)."));
            }

            var request = new VideoGenerationRequest
            {
                Model = model.Id,
                Prompt = PromptOf(shot, i),
                Resolution = resolution,
                Duration = duration,
                FirstFrameImage = shot.FirstFrameImage,
                LastFrameImage = shot.LastFrameImage,
            };
            Validate(provider, request, i);
            var chained = storyboard.Mode == StoryboardMode.Chained && i > 0;
            clips.Add(new PlannedClip(i + 1, request, CostEstimate.For(provider, request), chained)
            {
                Prompt = shot.Prompt!.Trim(),
                Camera = shot.Camera.ToList(),
                PinnedTake = shot.Take,
            });
        }

        return new StoryboardPlan(provider.Name, storyboard.Mode, clips) { Draft = draft };
    }

    // In chained mode a shot after the first starts on the previous shot's last frame.
    private static VideoMode ModeOf(Storyboard storyboard, Shot shot, int index)
    {
        var chained = storyboard.Mode == StoryboardMode.Chained && index > 0;
        if (chained && shot.FirstFrameImage is not null)
        {
            throw new StoryboardException($"shots[{index}].firstFrameImage is set, but in chained mode shot {index + 1}'s first frame is shot {index}'s last frame; remove it or use independent mode.");
        }

        var request = new VideoGenerationRequest { FirstFrameImage = shot.FirstFrameImage, LastFrameImage = shot.LastFrameImage };
        return chained ? (shot.LastFrameImage is null ? VideoMode.ImageToVideo : VideoMode.FirstAndLastFrame) : request.EffectiveMode();
    }

    private static string PromptOf(Shot shot, int index)
    {
        if (string.IsNullOrWhiteSpace(shot.Prompt))
        {
            throw new StoryboardException($"shots[{index}].prompt is empty: every shot needs a prompt.");
        }

        var unknown = shot.Camera.FirstOrDefault(c => !HailuoSpec.Camera.IsKnown(c));
        if (unknown is not null)
        {
            throw new StoryboardException($"shots[{index}].camera holds '{unknown}', which is not a camera move; allowed: {string.Join(", ", HailuoSpec.Camera.Commands)}.");
        }

        var brackets = shot.Camera.Chunk(HailuoSpec.Camera.MaxPerBracket).Select(b => " [" + string.Join(", ", b) + "]");
        return shot.Prompt.Trim() + string.Concat(brackets);
    }

    private static void Validate(ProviderInfo provider, VideoGenerationRequest request, int index)
    {
        var result = HailuoValidators.For(provider.Name)?.Validate(request);
        if (result is { IsValid: false })
        {
            throw new StoryboardException($"shots[{index}]: " + string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
        }
    }
}
