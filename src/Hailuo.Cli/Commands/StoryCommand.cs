using System.CommandLine;
using Hailuo.Cli.Films;
using Hailuo.Jobs;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo story`: a storyboard file (spec/storyboard.schema.json) planned, priced, run on a ledger and stitched.</summary>
internal static class StoryCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("storyboard") { Description = "The storyboard JSON file: model, resolution, duration, mode and shots (spec/storyboard.schema.json)." };
        var provider = CommonOptions.Provider();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the stitched MP4.", Required = true };
        var ledger = CommonOptions.Ledger();
        var budget = CommonOptions.Budget();
        var sim = CommonOptions.Sim();
        var draft = CommonOptions.Draft();
        var redo = CommonOptions.Redo();
        var baseUrl = CommonOptions.BaseUrl();
        var command = new Command("story", "Make a film from a storyboard file: print the plan (each shot reused or rendered) and what it costs, run each shot as a durable job, stitch the clips, write a contact sheet.")
        {
            file, provider, output, ledger, budget, sim, draft, redo, baseUrl,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (InputFile.Resolve(console, result, provider, file, "storyboard file ", out var failed) is not var (chosen, path))
            {
                return failed;
            }

            Storyboard storyboard;
            try
            {
                storyboard = StoryboardFile.Load(path.FullName);
            }
            catch (StoryboardException e)
            {
                return console.Fail(ExitCodes.InvalidInput, e.Message);
            }

            var arguments = new FilmArguments(result.GetValue(output)!, result.GetValue(ledger), result.GetValue(budget), result.GetValue(sim), result.GetValue(CliOptions.Verbose))
            {
                Draft = result.GetValue(draft),
                Redo = result.GetValue(redo) ?? [],
                BaseUrl = result.GetValue(baseUrl),
            };
            return await new FilmRun(console).RunAsync(storyboard, chosen, arguments, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
