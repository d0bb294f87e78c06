using System.Text.Json;

namespace Hailuo.Contracts.Tests;

/// <summary>
/// Reads the shipped spec JSON directly, independent of the generator, so the validator tests compare
/// the generated rules with the file itself.
/// </summary>
internal static class SpecOracle
{
    public static readonly string[] Modes = { "text-to-video", "image-to-video", "first-and-last-frame", "subject-reference" };

    public static readonly string[] CandidateResolutions = { "512p", "720p", "768p", "1080p", "1440p" };

    public static readonly int[] CandidateDurations = { 5, 6, 8, 10 };

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "hailuo.spec.json"))));

    public static IEnumerable<(string Provider, string Model)> Models() =>
        Document.Value.RootElement.GetProperty("providers").EnumerateArray()
            .SelectMany(p => p.GetProperty("models").EnumerateArray().Select(m => (p.GetProperty("name").GetString()!, m.GetProperty("id").GetString()!)))
            .ToList();

    public static bool Allows(string provider, string model, string mode, string resolution, int duration) =>
        Durations(provider, model, mode, resolution)?.Contains(duration) == true;

    public static int[]? Durations(string provider, string model, string mode, string resolution)
    {
        var modeElement = Mode(provider, model, mode);
        return modeElement is { } m && m.GetProperty("matrix").TryGetProperty(resolution, out var row)
            ? row.EnumerateArray().Select(d => d.GetInt32()).ToArray()
            : null;
    }

    public static JsonElement? Mode(string provider, string model, string mode)
    {
        foreach (var p in Document.Value.RootElement.GetProperty("providers").EnumerateArray().Where(p => p.GetProperty("name").GetString() == provider))
        {
            foreach (var m in p.GetProperty("models").EnumerateArray().Where(m => m.GetProperty("id").GetString() == model))
            {
                foreach (var entry in m.GetProperty("modes").EnumerateArray().Where(e => e.GetProperty("mode").GetString() == mode))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the mode's "requires" list (default: model and prompt) names the prompt.</summary>
    public static bool RequiresPrompt(string provider, string model, string mode) =>
        Mode(provider, model, mode) is not { } m || !m.TryGetProperty("requires", out var requires)
        || requires.EnumerateArray().Any(f => f.GetString() == "prompt");

    /// <summary>Every (provider, model, mode) of the spec with one allowed cell of its matrix.</summary>
    public static IEnumerable<(string Provider, string Model, string Mode, string Resolution, int Duration)> ModeCells() =>
        Models().SelectMany(pm => Modes.Select(mode => (pm, mode, entry: Mode(pm.Provider, pm.Model, mode))))
            .Where(x => x.entry is not null)
            .Select(x =>
            {
                var row = x.entry!.Value.GetProperty("matrix").EnumerateObject().First();
                return (x.pm.Provider, x.pm.Model, x.mode, row.Name, row.Value.EnumerateArray().First().GetInt32());
            })
            .ToList();

    public static int PromptMaxLength => Document.Value.RootElement.GetProperty("prompt").GetProperty("maxLength").GetInt32();

    public static int MaxPerBracket => Document.Value.RootElement.GetProperty("camera").GetProperty("maxPerBracket").GetInt32();

    public static IReadOnlyList<string> CameraCommands =>
        Document.Value.RootElement.GetProperty("camera").GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
}
