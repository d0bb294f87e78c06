using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Parsing;

internal static partial class SpecParser
{
    // The mode words are VideoMode's, emitted from the schema's "$defs.mode".
    private static readonly string[] Modes = VideoModeNames.All.ToArray();
    private static readonly string[] Dialects = { "apimart", "minimax" };
    private static readonly string[] WireCases = { "lower", "upper" };
    private static readonly string[] RequestFields = { "model", "prompt", "first_frame_image", "last_frame_image", "subject_reference" };

    private static EquatableArray<ProviderModel> ReadProviders(SpecReader reader, JsonObject root, string[]? known)
    {
        var array = reader.Array(root, "spec", "providers");
        var providers = new List<ProviderModel>();
        var names = new HashSet<string>();
        if (array is not null && array.Items.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, array.Span, "spec.providers", "[]", "at least one provider is needed");
        }

        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var provider = ReadProvider(reader, item, known);
            if (provider is null)
            {
                continue;
            }

            if (!names.Add(provider.Name) | !names.Add("member:" + provider.Member))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, item.Span, "Provider", provider.Name, "spec.providers");
                continue;
            }

            providers.Add(provider);
        }

        return Sorted(providers, p => p.Member);
    }

    private static ProviderModel? ReadProvider(SpecReader reader, JsonNode node, string[]? known)
    {
        var obj = reader.AsObject(node, "spec.providers");
        if (obj is null)
        {
            return null;
        }

        reader.CheckProperties(obj, "spec.providers", "name", "member", "dialect", "baseUrl", "apiKeyEnvironmentVariable", "resolutionWireCase", "defaults", "models", "source");
        var name = reader.String(obj, "spec.providers", "name");
        var path = "providers[" + name + "]";
        var member = reader.Member(obj, path);
        var dialect = reader.OneOf(obj, path, "dialect", Dialects);
        var baseUrl = reader.String(obj, path, "baseUrl");
        if (baseUrl is not null && !IsHttpUrl(baseUrl))
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, obj.Find("baseUrl")!.Value.Span, path + ".baseUrl", baseUrl, "must be an absolute http or https URL");
            baseUrl = null;
        }

        var keyVariable = reader.String(obj, path, "apiKeyEnvironmentVariable");
        var wireCase = reader.OneOf(obj, path, "resolutionWireCase", WireCases, required: false) ?? "lower";
        var source = reader.String(obj, path, "source");
        var defaults = reader.Object(obj, path, "defaults");
        string? defaultResolution = null;
        long? defaultDuration = null;
        var promptOptimizer = true;
        if (defaults is not null)
        {
            var defaultsPath = path + ".defaults";
            reader.CheckProperties(defaults, defaultsPath, "resolution", "duration", "promptOptimizer", "source");
            defaultResolution = reader.String(defaults, defaultsPath, "resolution");
            if (!CheckResolution(reader, defaultResolution, defaults.Find("resolution")?.Value.Span ?? defaults.Span, defaultsPath + ".resolution", known))
            {
                defaultResolution = null;
            }

            defaultDuration = reader.Integer(defaults, defaultsPath, "duration", 1);
            promptOptimizer = reader.Boolean(defaults, defaultsPath, "promptOptimizer") ?? true;
            reader.String(defaults, defaultsPath, "source");
        }

        var models = ReadModels(reader, obj, path, known);
        if (name is null || member is null || dialect is null || baseUrl is null || keyVariable is null || source is null
            || defaultResolution is null || defaultDuration is null)
        {
            return null;
        }

        return new ProviderModel(name, member, dialect, baseUrl, keyVariable, wireCase == "upper", defaultResolution, (int)defaultDuration, promptOptimizer, models, source);
    }

    private static EquatableArray<ModelModel> ReadModels(SpecReader reader, JsonObject provider, string path, string[]? known)
    {
        var array = reader.Array(provider, path, "models");
        var models = new List<ModelModel>();
        var ids = new HashSet<string>();
        if (array is not null && array.Items.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, array.Span, path + ".models", "[]", "at least one model is needed");
        }

        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var obj = reader.AsObject(item, path + ".models");
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path + ".models", "id", "member", "prices", "modes", "defaults", "cameraCommands", "source");
            var id = reader.String(obj, path + ".models", "id");
            var modelPath = path + ".models[" + id + "]";
            if (id is not null && !ids.Add(id))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Find("id")!.Value.Span, "Model", id, path + ".models");
                continue;
            }

            var member = reader.Member(obj, modelPath);
            if (member is not null && !ids.Add("member:" + member))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Find("member")!.Value.Span, "Model member", member, path + ".models");
                continue;
            }

            var source = reader.String(obj, modelPath, "source");
            var modes = ReadModes(reader, obj, modelPath, known);
            var prices = ReadPrices(reader, obj, modelPath, known, modes, id ?? "?", path);
            var (defaultResolution, defaultDuration) = ReadModelDefaults(reader, obj, modelPath, known);
            var camera = obj.Find("cameraCommands") is null || (reader.Boolean(obj, modelPath, "cameraCommands") ?? true);
            if (id is not null && member is not null && source is not null && prices is not null)
            {
                models.Add(new ModelModel(id, member, prices.Value, modes, source)
                {
                    DefaultResolution = defaultResolution,
                    DefaultDuration = defaultDuration,
                    CameraCommands = camera,
                });
            }
        }

        return Sorted(models, m => m.Member);
    }

    private static (string? Resolution, int Duration) ReadModelDefaults(SpecReader reader, JsonObject model, string path, string[]? known)
    {
        var defaults = reader.Object(model, path, "defaults", required: false);
        if (defaults is null)
        {
            return (null, 0);
        }

        var defaultsPath = path + ".defaults";
        reader.CheckProperties(defaults, defaultsPath, "resolution", "duration", "source");
        var resolution = reader.String(defaults, defaultsPath, "resolution");
        var duration = reader.Integer(defaults, defaultsPath, "duration", 1);
        reader.String(defaults, defaultsPath, "source");
        if (!CheckResolution(reader, resolution, defaults.Find("resolution")?.Value.Span ?? defaults.Span, defaultsPath + ".resolution", known) || duration is null)
        {
            return (null, 0);
        }

        return (resolution, (int)duration);
    }

    private static EquatableArray<string> ReadRequires(SpecReader reader, JsonObject mode, string path)
    {
        var array = reader.Array(mode, path, "requires", required: false);
        if (array is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (array.Items.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, array.Span, path + ".requires", "[]", "list the wire fields the mode requires, at least \"model\"");
        }

        var fields = new List<string>();
        foreach (var item in array.Items)
        {
            var field = reader.AsString(item, path + ".requires");
            if (field is null)
            {
                continue;
            }

            if (System.Array.IndexOf(RequestFields, field) < 0)
            {
                reader.Report(DiagnosticDescriptors.InvalidValue, item.Span, path + ".requires", field, "allowed: " + string.Join(", ", RequestFields));
                continue;
            }

            if (!fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        return Sorted(fields, f => System.Array.IndexOf(RequestFields, f));
    }

    private static EquatableArray<ModeModel> ReadModes(SpecReader reader, JsonObject model, string path, string[]? known)
    {
        var array = reader.Array(model, path, "modes");
        var modes = new List<ModeModel>();
        if (array is not null && array.Items.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.EmptyMatrix, array.Span, path + ".modes", "no input mode is listed");
        }

        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var obj = reader.AsObject(item, path + ".modes");
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path + ".modes", "mode", "matrix", "requires", "source");
            var mode = reader.OneOf(obj, path + ".modes", "mode", Modes);
            var modePath = path + ".modes[" + mode + "]";
            var source = reader.String(obj, modePath, "source");
            var matrix = ReadMatrix(reader, obj, modePath, known);
            var requires = ReadRequires(reader, obj, modePath);
            if (mode is not null && modes.Any(m => m.Mode == mode))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Find("mode")!.Value.Span, "Mode", mode, path + ".modes");
                continue;
            }

            if (mode is not null && source is not null && matrix is not null)
            {
                modes.Add(new ModeModel(mode, matrix.Value, requires, source));
            }
        }

        return Sorted(modes, m => System.Array.IndexOf(Modes, m.Mode));
    }

    private static EquatableArray<MatrixRowModel>? ReadMatrix(SpecReader reader, JsonObject mode, string path, string[]? known)
    {
        var obj = reader.Object(mode, path, "matrix");
        if (obj is null)
        {
            return null;
        }

        var matrixPath = path + ".matrix";
        if (obj.Properties.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.EmptyMatrix, obj.Span, matrixPath, "no resolution is listed");
            return null;
        }

        reader.CheckProperties(obj, matrixPath, obj.Properties.Select(p => p.Name).Distinct().ToArray());
        var rows = new List<MatrixRowModel>();
        foreach (var property in obj.Properties)
        {
            if (!CheckResolution(reader, property.Name, property.NameSpan, matrixPath, known) || rows.Any(r => r.Resolution == property.Name))
            {
                continue;
            }

            var rowPath = matrixPath + "." + property.Name;
            if (property.Value is not JsonArray durations)
            {
                reader.Report(DiagnosticDescriptors.WrongType, property.Value.Span, rowPath, "an array of durations in seconds", property.Value.KindName);
                continue;
            }

            if (durations.Items.Count == 0)
            {
                reader.Report(DiagnosticDescriptors.EmptyMatrix, durations.Span, rowPath, "no duration is listed for this resolution");
                continue;
            }

            var seconds = new List<int>();
            foreach (var duration in durations.Items)
            {
                var value = reader.AsInteger(duration, rowPath, 1);
                if (value is null)
                {
                    continue;
                }

                if (seconds.Contains((int)value))
                {
                    reader.Report(DiagnosticDescriptors.Duplicate, duration.Span, "Duration", value.Value.ToString(CultureInfo.InvariantCulture), rowPath);
                    continue;
                }

                seconds.Add((int)value);
            }

            rows.Add(new MatrixRowModel(property.Name, seconds.OrderBy(s => s).ToEquatableArray()));
        }

        return Sorted(rows, r => ResolutionOrder(r.Resolution));
    }

    private static EquatableArray<PriceModel>? ReadPrices(SpecReader reader, JsonObject model, string path, string[]? known, EquatableArray<ModeModel> modes, string modelId, string providerPath)
    {
        var obj = reader.Object(model, path, "prices");
        if (obj is null)
        {
            return null;
        }

        var pricesPath = path + ".prices";
        reader.CheckProperties(obj, pricesPath, obj.Properties.Select(p => p.Name).Distinct().ToArray());
        reader.String(obj, pricesPath, "source");
        var prices = new List<PriceModel>();
        foreach (var property in obj.Properties)
        {
            if (property.Name == "source" || !CheckResolution(reader, property.Name, property.NameSpan, pricesPath, known))
            {
                continue;
            }

            switch (property.Value)
            {
                case JsonNull:
                    prices.Add(new PriceModel(property.Name, null, EquatableArray<ClipPriceModel>.Empty));
                    break;
                case JsonNumber number when Dollars(number) is { } dollars:
                    prices.Add(new PriceModel(property.Name, dollars, EquatableArray<ClipPriceModel>.Empty));
                    break;
                case JsonObject clips when ReadClipPrices(reader, clips, pricesPath + "." + property.Name, property.Name, modes) is { } perClip:
                    prices.Add(new PriceModel(property.Name, null, perClip));
                    break;
                case JsonObject:
                    break;
                default:
                    reader.Report(DiagnosticDescriptors.WrongType, property.Value.Span, pricesPath + "." + property.Name, PriceShape, property.Value.KindName);
                    break;
            }
        }

        var used = modes.SelectMany(m => m.Matrix).Select(r => r.Resolution).Distinct();
        foreach (var resolution in used.Where(r => prices.All(p => p.Resolution != r)))
        {
            if (obj.Find(resolution) is null)
            {
                reader.Report(DiagnosticDescriptors.MissingPrice, obj.Span, modelId, providerPath.Substring("providers[".Length).TrimEnd(']'), resolution);
            }
        }

        return Sorted(prices, p => ResolutionOrder(p.Resolution));
    }

    private const string PriceShape = "a non-negative number of dollars per second, an object of dollars per clip by duration such as {\"6\": 0.28}, or null";

    private static string? Dollars(JsonNumber number) =>
        decimal.TryParse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars) ? dollars.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Dollars per clip by duration; every duration the matrix allows at this resolution needs its price.</summary>
    private static EquatableArray<ClipPriceModel>? ReadClipPrices(SpecReader reader, JsonObject clips, string path, string resolution, EquatableArray<ModeModel> modes)
    {
        var prices = new List<ClipPriceModel>();
        var ok = true;
        foreach (var clip in clips.Properties)
        {
            var dollars = clip.Value is JsonNumber number ? Dollars(number) : null;
            if (!int.TryParse(clip.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || dollars is null)
            {
                reader.Report(DiagnosticDescriptors.WrongType, clip.Value.Span, path + "." + clip.Name, PriceShape, clip.Value.KindName);
                ok = false;
                continue;
            }

            prices.Add(new ClipPriceModel(seconds, dollars));
        }

        var durations = modes.SelectMany(m => m.Matrix).Where(r => r.Resolution == resolution).SelectMany(r => r.Durations).Distinct();
        foreach (var missing in durations.Where(d => prices.All(p => p.Seconds != d)))
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, clips.Span, path, "no " + missing.ToString(CultureInfo.InvariantCulture), "a clip price is needed for every duration the matrix allows at " + resolution);
            ok = false;
        }

        return ok ? Sorted(prices, p => p.Seconds) : null;
    }

    private static bool IsHttpUrl(string value) =>
        System.Uri.TryCreate(value, System.UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https");
}
