using System.CommandLine;
using Hailuo.Cli.Generation;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo generate`: validate, estimate, submit, follow, download, describe the MP4.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var prompt = new Option<string>("--prompt") { Description = "What to show; camera moves come from --camera.", Required = true };
        var provider = CommonOptions.Provider();
        var model = CommonOptions.Model();
        var resolution = new Option<string?>("--resolution") { Description = "512p, 768p or 1080p (default: the provider's)." };
        var duration = new Option<int?>("--duration") { Description = "Seconds (default: the provider's)." };
        var firstFrame = new Option<string?>("--first-frame") { Description = "First frame: an image file (JPG, PNG, WebP) or an http(s) URL." };
        var lastFrame = new Option<string?>("--last-frame") { Description = "Last frame, with --first-frame: a transition." };
        var subject = new Option<string?>("--subject") { Description = "Subject reference image: a file or an http(s) URL." };
        var camera = new Option<string[]>("--camera") { Description = "Camera moves for one bracket, up to 3: pan-left, zoom-in, ...", AllowMultipleArgumentsPerToken = true };
        var noOptimizer = new Option<bool>("--no-optimizer") { Description = "Send the prompt exactly as written." };
        var callbackUrl = new Option<string?>("--callback-url") { Description = "Where the provider POSTs status notifications." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the MP4.", Required = true };
        var sim = CommonOptions.Sim();
        var stitch = new Option<bool>("--stitch") { Description = "Make a --duration longer than one clip allows from chained clips (each starts on the last frame of the one before), stitched into --out." };
        var ledger = CommonOptions.Ledger();
        var budget = CommonOptions.Budget();
        var baseUrl = CommonOptions.BaseUrl();
        var command = new Command("generate", "Generate a video: validate, estimate, submit, follow the task, download the MP4.")
        {
            prompt, provider, model, resolution, duration, firstFrame, lastFrame, subject, camera, noOptimizer, callbackUrl, output, sim, stitch, ledger, budget, baseUrl,
        };
        command.SetAction((result, cancellationToken) => new GenerateRun(console).RunAsync(
            new GenerateArguments(
                result.GetValue(prompt)!,
                result.GetValue(provider)!,
                result.GetValue(model),
                result.GetValue(resolution),
                result.GetValue(duration),
                result.GetValue(firstFrame),
                result.GetValue(lastFrame),
                result.GetValue(subject),
                result.GetValue(camera) ?? Array.Empty<string>(),
                result.GetValue(noOptimizer),
                result.GetValue(callbackUrl),
                result.GetValue(output)!,
                result.GetValue(sim),
                result.GetValue(CliOptions.Verbose),
                result.GetValue(stitch),
                result.GetValue(ledger),
                result.GetValue(budget),
                result.GetValue(baseUrl)),
            cancellationToken));
        return command;
    }
}
