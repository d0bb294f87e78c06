using System.Text.Json;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>Every provider x model x mode x resolution cell of the shipped spec, read from the JSON itself.</summary>
internal static class SpecCells
{
    public static readonly int[] CandidateDurations = { 5, 6, 8, 10 };

    public static IEnumerable<Cell> All()
    {
        using var document = JsonDocument.Parse(GeneratorHarness.ShippedSpec);
        var cells = new List<Cell>();
        foreach (var provider in document.RootElement.GetProperty("providers").EnumerateArray())
        {
            foreach (var model in provider.GetProperty("models").EnumerateArray())
            {
                foreach (var mode in model.GetProperty("modes").EnumerateArray())
                {
                    foreach (var row in mode.GetProperty("matrix").EnumerateObject())
                    {
                        var name = mode.GetProperty("mode").GetString()!;
                        cells.Add(new Cell(
                            provider.GetProperty("member").GetString()!,
                            model.GetProperty("member").GetString()!,
                            ModeMember(name),
                            Arguments(name),
                            row.Name,
                            row.Value.EnumerateArray().Select(d => d.GetInt32()).ToArray()));
                    }
                }
            }
        }

        return cells;
    }

    private static string ModeMember(string mode) => string.Concat(mode.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Arguments(string mode) => mode switch
    {
        "text-to-video" => "Prompt.Of(\"x\")",
        "first-and-last-frame" => "Prompt.Of(\"x\"), I, I",
        _ => "Prompt.Of(\"x\"), I",
    };

    internal sealed record Cell(string ProviderMember, string ModelMember, string ModeMember, string Arguments, string Resolution, int[] Durations);
}
