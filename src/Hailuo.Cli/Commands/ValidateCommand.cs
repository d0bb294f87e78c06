using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hailuo.Contracts;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo validate request.json`: the generated validators' verdict on a request file, before any money is spent.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("request") { Description = "A JSON request body, as sent to the provider." };
        var provider = CommonOptions.Provider();
        var command = new Command("validate", "Check a request file against the spec; exit code 0 when valid, 2 when not.") { file, provider };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (InputFile.Resolve(console, result, provider, file, string.Empty, out var failed) is not var (chosen, path))
            {
                return failed;
            }

            VideoGenerationRequest? request;
            try
            {
                await using var stream = path.OpenRead();
                request = await JsonSerializer.DeserializeAsync(stream, CliJsonContext.Default.VideoGenerationRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                var where = e.LineNumber is { } line ? $" at line {(line + 1).ToString(CultureInfo.InvariantCulture)}, column {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
                return console.Fail(ExitCodes.InvalidInput, $"'{path.Name}' is not a valid request{where}: {e.Message.Split(" Path:")[0]}");
            }

            if (request is null)
            {
                return console.Fail(ExitCodes.InvalidInput, $"'{path.Name}' holds null, not a request object.");
            }

            var verdict = await HailuoValidators.For(chosen.Name)!.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsValid)
            {
                foreach (var error in verdict.Errors)
                {
                    console.Output.WriteLine($"{error.PropertyName}: {error.ErrorMessage} [{error.ErrorCode}]");
                }

                return console.Fail(ExitCodes.InvalidInput, $"'{path.Name}' has {verdict.Errors.Count.ToString(CultureInfo.InvariantCulture)} problem(s) for {chosen.Name}.");
            }

            var resolution = chosen.ResolutionFor(request);
            var duration = chosen.DurationFor(request);
            console.Output.WriteLine($"valid for {chosen.Name}: {request.Model} {request.EffectiveMode().ToWireName()} {resolution} {duration.ToString(CultureInfo.InvariantCulture)} s, estimated {CostEstimate.For(chosen, request)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
