using System.CommandLine;
using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo cost`: what clips cost by the spec's prices, after checking the pair is allowed.</summary>
internal static class CostCommand
{
    public static Command Create(CliConsole console)
    {
        var provider = CommonOptions.Provider();
        var model = CommonOptions.Model();
        var mode = new Option<string>("--mode") { Description = string.Join(", ", VideoModeNames.All) + ".", DefaultValueFactory = _ => VideoMode.TextToVideo.ToWireName() };
        var resolution = new Option<string?>("--resolution") { Description = "512p, 768p or 1080p (default: the provider's)." };
        var duration = new Option<int?>("--duration") { Description = "Seconds (default: the provider's)." };
        var count = new Option<int>("--count") { Description = "How many clips.", DefaultValueFactory = _ => 1 };
        var command = new Command("cost", "Estimate the cost of clips from the spec's price per second.") { provider, model, mode, resolution, duration, count };
        command.SetAction(result =>
        {
            var chosen = ProviderChoice.Find(result.GetValue(provider));
            if (chosen is null)
            {
                return console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(result.GetValue(provider)));
            }

            if (VideoModeNames.FromWireName(result.GetValue(mode)) is not { } videoMode)
            {
                return console.Fail(ExitCodes.InvalidInput, $"--mode '{result.GetValue(mode)}' is not a mode; allowed: {string.Join(", ", Enum.GetValues<VideoMode>().Select(m => m.ToWireName()))}.");
            }

            var clips = result.GetValue(count);
            if (clips < 1)
            {
                return console.Fail(ExitCodes.InvalidInput, $"--count is {clips.ToString(CultureInfo.InvariantCulture)}; it must be at least 1.");
            }

            var request = new VideoGenerationRequest
            {
                Model = result.GetValue(model) ?? chosen.Models[0].Id,
                Prompt = "cost estimate",
                Resolution = result.GetValue(resolution),
                Duration = result.GetValue(duration),
                Mode = videoMode,
            };
            var problems = HailuoValidators.For(chosen.Name)!.Validate(request).Errors.Where(e => e.ErrorCode is ValidationCodes.Model or ValidationCodes.Mode or ValidationCodes.Resolution or ValidationCodes.ResolutionDuration).ToList();
            if (problems.Count > 0)
            {
                return console.Fail(ExitCodes.InvalidInput, string.Join(" ", problems.Select(p => p.ErrorMessage)));
            }

            var cost = CostEstimate.For(chosen, request);
            var resolved = chosen.ResolutionFor(request);
            var perClip = cost.Dollars is { } dollars ? "$" + dollars.ToString("0.00", CultureInfo.InvariantCulture) : "unknown (price not published)";
            console.Output.WriteLine($"{request.Model} on {chosen.Name}: {cost.Seconds.ToString(CultureInfo.InvariantCulture)} s at {resolved}, {perClip} per clip");
            if (clips > 1)
            {
                var total = cost.Dollars is { } d ? "$" + (d * clips).ToString("0.00", CultureInfo.InvariantCulture) : "unknown";
                console.Output.WriteLine($"{clips.ToString(CultureInfo.InvariantCulture)} clips: {total}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
