using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace Hailuo.Contracts;

/// <summary>
/// The rules the generated validators apply, over the spec's catalog data. Each failure names the wire field,
/// the value, and what is allowed; the allowed values travel as the failure's CustomState.
/// </summary>
public static class RequestChecks
{
    /// <summary>Every check below, in order, each adding its own failures: the one rule the generated validators run.</summary>
    public static void All(ProviderInfo provider, PromptLimits limits, CameraCommandSet camera, VideoGenerationRequest request, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Model(provider, request.Model, context);
        ModeAndMatrix(provider, request, context);
        Prompt(provider, limits, camera, request, context);
        Images(request, context);
        CallbackUrl(request.CallbackUrl, context);
    }

    /// <summary>The model must be one the provider offers.</summary>
    public static void Model(ProviderInfo provider, string? model, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(context);
        if (provider.FindModel(model) is not null)
        {
            return;
        }

        var allowed = provider.Models.Select(m => m.Id).ToArray();
        var message = string.IsNullOrEmpty(model)
            ? $"'model' is required; {provider.Name} offers: {string.Join(", ", allowed)}."
            : $"'model' is '{model}', which {provider.Name} does not offer; allowed: {string.Join(", ", allowed)}.";
        Add(context, "model", message, model, ValidationCodes.Model, allowed);
    }

    /// <summary>The model must offer the mode, the mode the resolution, and the resolution the duration.</summary>
    public static void ModeAndMatrix(ProviderInfo provider, VideoGenerationRequest request, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var model = provider.FindModel(request.Model);
        if (model is null)
        {
            return;
        }

        var mode = request.EffectiveMode();
        var modeInfo = model.FindMode(mode);
        var resolution = provider.ResolutionFor(request);
        var duration = provider.DurationFor(request);
        var (verdict, row) = MatrixRule.Judge(modeInfo?.Matrix, r => r.Resolution, r => r.Durations, resolution, duration);
        if (verdict == MatrixVerdict.Allowed)
        {
            return;
        }

        var where = $"{model.Id} {mode.ToWireName()} on {provider.Name}";
        switch (verdict)
        {
            case MatrixVerdict.ModeNotOffered:
                var modes = model.Modes.Select(m => m.Mode.ToWireName()).ToArray();
                Add(context, "mode", $"{model.Id} on {provider.Name} does not offer {mode.ToWireName()}{ModeCause(request)}; it offers: {string.Join(", ", modes)}.", mode.ToWireName(), ValidationCodes.Mode, modes);
                break;
            case MatrixVerdict.ResolutionNotOffered:
                var offered = modeInfo!.Matrix.Select(r => r.Resolution).ToArray();
                Add(context, "resolution", $"'resolution' is '{resolution}'{Defaulted(request.Resolution)}: {where} offers {string.Join(", ", offered)} (pairs: {modeInfo.Describe()}).", resolution, ValidationCodes.Resolution, modeInfo.Matrix);
                break;
            case MatrixVerdict.DurationNotAllowed:
                var seconds = string.Join(" or ", row!.Durations.Select(d => d.ToString(CultureInfo.InvariantCulture)));
                Add(context, "duration", $"'duration' is {duration.ToString(CultureInfo.InvariantCulture)}{Defaulted(request.Duration)} at {row.Resolution}: {where} allows {seconds} s at {row.Resolution} (pairs: {modeInfo!.Describe()}).", duration, ValidationCodes.ResolutionDuration, row);
                break;
        }
    }

    /// <summary>
    /// The prompt must be short enough with well-formed camera brackets, and present where the mode requires it
    /// (the spec's "requires"; an unknown model or mode counts as requiring it).
    /// </summary>
    public static void Prompt(ProviderInfo provider, PromptLimits limits, CameraCommandSet camera, VideoGenerationRequest request, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var prompt = request.Prompt;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            var mode = request.EffectiveMode();
            // Where the prompt is optional, an empty one is the same as none (MiniMax's image-to-video page says so).
            if (provider.FindModel(request.Model)?.FindMode(mode) is { RequiresPrompt: false })
            {
                return;
            }

            var why = prompt is null ? "is required" : "is empty";
            Add(context, "prompt", $"'prompt' {why} in {mode.ToWireName()}: describe the scene in at most {limits.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters.", prompt, ValidationCodes.Prompt, limits);
            return;
        }

        if (PromptRule.TooLong(prompt, limits.MaxLength) is { } length)
        {
            Add(context, "prompt", $"'prompt' has {length.ToString("N0", CultureInfo.InvariantCulture)} characters; at most {limits.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} are allowed.", length, ValidationCodes.Prompt, limits);
        }

        var problems = CameraRule.Problems(prompt, camera.Commands, camera.MaxPerBracket);
        for (var i = 0; i < problems.Count; i++)
        {
            AddCameraProblem(camera, problems[i], context);
        }
    }

    /// <summary>Images must match the mode and be URLs or data URLs.</summary>
    public static void Images(VideoGenerationRequest request, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var mode = request.EffectiveMode();
        var needsFirst = mode is VideoMode.ImageToVideo or VideoMode.FirstAndLastFrame;
        if (needsFirst && request.FirstFrameImage is null)
        {
            Add(context, "first_frame_image", $"'first_frame_image' is required for {mode.ToWireName()}.", null, ValidationCodes.Image, ImageReferenceForm.MediaTypes);
        }

        if (request.LastFrameImage is not null && request.FirstFrameImage is null)
        {
            Add(context, "last_frame_image", "'last_frame_image' needs 'first_frame_image': a last frame alone is not a mode.", null, ValidationCodes.Image, ImageReferenceForm.MediaTypes);
        }
        else if (mode == VideoMode.FirstAndLastFrame && request.LastFrameImage is null)
        {
            Add(context, "last_frame_image", "'last_frame_image' is required for first-and-last-frame.", null, ValidationCodes.Image, ImageReferenceForm.MediaTypes);
        }

        CheckForm(context, "first_frame_image", request.FirstFrameImage);
        CheckForm(context, "last_frame_image", request.LastFrameImage);
        if (mode == VideoMode.SubjectReference)
        {
            var images = request.SubjectReference?.SelectMany(s => s.Image).ToArray() ?? Array.Empty<string>();
            if (images.Length == 0)
            {
                Add(context, "subject_reference", "'subject_reference' needs at least one image for subject-reference.", null, ValidationCodes.Image, ImageReferenceForm.MediaTypes);
            }

            foreach (var image in images)
            {
                CheckForm(context, "subject_reference", image);
            }
        }
    }

    /// <summary>A callback URL, when given, must be absolute http(s).</summary>
    public static void CallbackUrl(string? url, ValidationContext<VideoGenerationRequest> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (url is not null && !ImageReferenceForm.IsHttpUrl(url))
        {
            Add(context, "callback_url", $"'callback_url' is '{ImageReferenceForm.Shorten(url)}': use an absolute http or https URL that accepts POST.", url, ValidationCodes.CallbackUrl, null);
        }
    }

    /// <summary>Characters as a person counts them: surrogate pairs count once.</summary>
    public static int CountCharacters(string text) => PromptLength.Count(text);

    private static void AddCameraProblem(CameraCommandSet camera, CameraProblem problem, ValidationContext<VideoGenerationRequest> context)
    {
        var bracket = problem.Bracket;
        var where = $"camera bracket {bracket.Number.ToString(CultureInfo.InvariantCulture)} '{bracket.Text}'";
        var message = problem.Kind switch
        {
            CameraProblemKind.Unclosed => $"'prompt' {where} has no closing ']'.",
            CameraProblemKind.TooMany => $"'prompt' {where} has {bracket.Commands.Count.ToString(CultureInfo.InvariantCulture)} camera commands; at most {camera.MaxPerBracket.ToString(CultureInfo.InvariantCulture)} are allowed in one bracket.",
            _ => $"'prompt' {where} has {(problem.Command!.Length == 0 ? "an empty command" : $"the unknown command '{problem.Command}'")}; allowed: {string.Join(", ", camera.Commands)}.",
        };
        Add(context, "prompt", message, problem.Command ?? bracket.Text, ValidationCodes.Camera, camera.Commands);
    }

    private static void CheckForm(ValidationContext<VideoGenerationRequest> context, string field, string? value)
    {
        if (value is not null && ImageReferenceForm.Check(value) is { } problem)
        {
            Add(context, field, $"'{field}': {problem}", ImageReferenceForm.Shorten(value), ValidationCodes.Image, ImageReferenceForm.MediaTypes);
        }
    }

    private static string ModeCause(VideoGenerationRequest request)
    {
        if (request.Mode is not null)
        {
            return string.Empty;
        }

        var given = new StringBuilder();
        given.Append(request.SubjectReference is { Count: > 0 } ? " (subject_reference is set)"
            : request.LastFrameImage is not null ? " (first_frame_image and last_frame_image are set)"
            : request.FirstFrameImage is not null ? " (first_frame_image is set)"
            : " (no image is set)");
        return given.ToString();
    }

    private static string Defaulted(object? given) => given is null ? " (the default)" : string.Empty;

    private static void Add(ValidationContext<VideoGenerationRequest> context, string field, string message, object? value, string code, object? allowed) =>
        context.AddFailure(new ValidationFailure(field, message, value) { ErrorCode = code, CustomState = allowed });
}
