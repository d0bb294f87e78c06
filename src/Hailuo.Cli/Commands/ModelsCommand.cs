using System.CommandLine;
using System.Globalization;
using Hailuo.Contracts;
using Spectre.Console;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo models`: the spec as a table of providers, models, modes, matrices and prices.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("models", "List providers, models, input modes, resolution x duration pairs and prices from the spec.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("Provider", "Model", "Mode", "Resolution: seconds", "Prompt", "Price");
            foreach (var provider in HailuoSpec.Providers)
            {
                foreach (var model in provider.Models)
                {
                    foreach (var mode in model.Modes)
                    {
                        table.AddRow(
                            Markup.Escape(provider.Name),
                            Markup.Escape(model.Id),
                            mode.Mode.ToWireName(),
                            Markup.Escape(mode.Describe() + Defaults(model)),
                            mode.RequiresPrompt ? "required" : "optional",
                            Markup.Escape(Prices(model, mode)));
                    }
                }
            }

            console.Output.Write(table);
            console.Output.WriteLine("Defaults: " + string.Join("; ", HailuoSpec.Providers.Select(p => $"{p.Name} {p.Defaults.Resolution}, {p.Defaults.Duration.ToString(CultureInfo.InvariantCulture)} s")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Prices(ModelInfo model, ModeInfo mode) => string.Join("; ", mode.Matrix.Select(r =>
        r.Resolution + " " + (model.Prices.FirstOrDefault(p => string.Equals(p.Resolution, r.Resolution, StringComparison.OrdinalIgnoreCase))?.Describe() ?? "unpublished")));

    private static string Defaults(ModelInfo model) => model.Defaults is { } d
        ? $" (default {d.Resolution}, {d.Duration.ToString(CultureInfo.InvariantCulture)} s)"
        : string.Empty;
}
