using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Parsing;

/// <summary>Turns one spec file's text into a <see cref="SpecModel"/> and the diagnostics that explain what is wrong with it.</summary>
internal static partial class SpecParser
{
    public const string DefaultNamespace = "Hailuo.Contracts";

    private static readonly string[] RootProperties = { "$schema", "namespace", "sources", "prompt", "images", "camera", "modes", "resolutions", "dialects", "tasks", "providers" };

    public static SpecParseResult Parse(string path, string text, CancellationToken cancellationToken)
    {
        var sourceText = SourceText.From(text);
        var reader = new SpecReader(path, sourceText);
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            var position = System.Math.Min(e.Position, text.Length);
            reader.Report(DiagnosticDescriptors.InvalidJson, new TextSpan(position, position < text.Length ? 1 : 0), e.Message);
            return new SpecParseResult(null, reader.Diagnostics.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = ReadRoot(reader, root, FileStem(path));
        return new SpecParseResult(reader.HasErrors ? null : model, reader.Diagnostics.ToEquatableArray());
    }

    private static SpecModel? ReadRoot(SpecReader reader, JsonNode node, string stem)
    {
        var root = reader.AsObject(node, "spec");
        if (root is null)
        {
            return null;
        }

        reader.CheckProperties(root, "spec", RootProperties);
        var ns = reader.String(root, "spec", "namespace", required: false) ?? DefaultNamespace;
        if (ns.Split('.').Any(part => !SyntaxFacts.IsValidIdentifier(part)))
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, root.Find("namespace")!.Value.Span, "spec.namespace", ns, "must be a dotted C# namespace");
        }

        var sources = reader.Object(root, "spec", "sources", required: false);
        if (sources is not null)
        {
            foreach (var source in sources.Properties)
            {
                reader.AsString(source.Value, "spec.sources." + source.Name);
            }
        }

        var prompt = ReadPrompt(reader, root);
        var images = ReadImages(reader, root);
        var camera = ReadCamera(reader, root);
        var modes = ReadModeInputs(reader, root);
        var resolutions = ReadResolutions(reader, root);
        var known = resolutions.Count > 0 ? resolutions.Select(r => r.Name).ToArray() : null;
        var dialects = ReadDialects(reader, root);
        var tasks = ReadTasks(reader, root);
        var providers = ReadProviders(reader, root, known);
        return new SpecModel(stem, ns, prompt, images, camera, resolutions, dialects, tasks, providers) { ModeInputs = modes };
    }

    private static string FileStem(string path)
    {
        var name = Path.GetFileName(path);
        var stem = name.EndsWith(SpecFiles.Suffix, System.StringComparison.OrdinalIgnoreCase)
            ? name.Substring(0, name.Length - SpecFiles.Suffix.Length)
            : Path.GetFileNameWithoutExtension(name);
        var parts = stem.Split(stem.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), System.StringSplitOptions.RemoveEmptyEntries);
        var pascal = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return pascal.Length == 0 || char.IsDigit(pascal[0]) ? "Spec" + pascal : pascal;
    }

    /// <summary>Orders resolutions by their line count ("512p" before "1080p"), then by name.</summary>
    internal static int ResolutionOrder(string name)
    {
        var digits = name.TrimEnd('p', 'P');
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lines) ? lines : int.MaxValue;
    }

    internal static bool IsResolutionName(string name) =>
        name.Length > 1 && name[name.Length - 1] == 'p' && name.Take(name.Length - 1).All(c => c >= '0' && c <= '9');

    /// <summary>Checks a resolution name against the spec's list, or against the 'NNNp' form when the spec lists none.</summary>
    internal static bool CheckResolution(SpecReader reader, string? name, TextSpan span, string path, string[]? known)
    {
        if (name is null)
        {
            return false;
        }

        if (known is null ? IsResolutionName(name) : known.Contains(name))
        {
            return true;
        }

        reader.Report(DiagnosticDescriptors.UnknownResolution, span, path, name, known is null ? "any name of the form '768p'" : string.Join(", ", known));
        return false;
    }

    internal static EquatableArray<T> Sorted<T, TKey>(IEnumerable<T> items, System.Func<T, TKey> key)
        where T : System.IEquatable<T> => items.OrderBy(key).ToEquatableArray();
}

/// <summary>The parser's output: a model when the spec is sound, and every diagnostic found.</summary>
internal sealed record SpecParseResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
