using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>A problem with the arguments in words, the validator's stable code when it found it, and the exit code it ends with.</summary>
internal sealed record RequestProblem(string Text, string? Code = null, int ExitCode = ExitCodes.InvalidInput);

/// <summary>Builds the untyped request from the arguments; every problem names the option, the value and what is allowed.</summary>
internal static class RequestBuilder
{
    public static (VideoGenerationRequest? Request, IReadOnlyList<RequestProblem> Problems) Build(GenerateArguments arguments, ProviderInfo provider)
    {
        var problems = new List<RequestProblem>();
        var prompt = arguments.Prompt;
        if (arguments.Camera.Count > 0)
        {
            var moves = new List<CameraMove>();
            foreach (var value in arguments.Camera)
            {
                if (CameraArgument.Parse(value) is { } move)
                {
                    moves.Add(move);
                }
                else
                {
                    problems.Add(new($"--camera '{value}' is not a camera move; allowed: {CameraArgument.Allowed}."));
                }
            }

            prompt += " " + CameraArgument.Bracket(moves);
        }

        var (first, firstProblem) = ImageArgument.Resolve("--first-frame", arguments.FirstFrame);
        var (last, lastProblem) = ImageArgument.Resolve("--last-frame", arguments.LastFrame);
        var (subject, subjectProblem) = ImageArgument.Resolve("--subject", arguments.Subject);
        problems.AddRange(new[] { firstProblem, lastProblem, subjectProblem }.OfType<RequestProblem>());
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var request = new VideoGenerationRequest
        {
            Model = arguments.Model ?? provider.Models[0].Id,
            Prompt = prompt,
            Resolution = arguments.Resolution,
            Duration = arguments.Duration,
            PromptOptimizer = arguments.NoOptimizer ? false : null,
            FirstFrameImage = first,
            LastFrameImage = last,
            SubjectReference = subject is null ? null : new List<SubjectReference> { new() { Image = new List<string> { subject } } },
            CallbackUrl = arguments.CallbackUrl,
        };
        var verdict = HailuoValidators.For(provider.Name)!.Validate(request);
        return verdict.IsValid ? (request, problems) : (null, verdict.Errors.Select(e => new RequestProblem(e.ErrorMessage, e.ErrorCode)).ToList());
    }
}
