using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Parsing;

internal static partial class SpecParser
{
    private static readonly string[] ImageFormats = { "jpeg", "png", "webp" };

    private static PromptModel? ReadPrompt(SpecReader reader, JsonObject root)
    {
        const string path = "spec.prompt";
        var obj = reader.Object(root, "spec", "prompt", required: false);
        if (obj is null)
        {
            return null;
        }

        reader.CheckProperties(obj, path, "maxLength", "source");
        var maxLength = reader.Integer(obj, path, "maxLength", 1);
        var source = reader.String(obj, path, "source");
        return maxLength is null || source is null ? null : new PromptModel((int)maxLength, source);
    }

    private static ImageRulesModel? ReadImages(SpecReader reader, JsonObject root)
    {
        const string path = "spec.images";
        var obj = reader.Object(root, "spec", "images", required: false);
        if (obj is null)
        {
            return null;
        }

        reader.CheckProperties(obj, path, "formats", "maxBytes", "minShortEdgeExclusive", "minAspectRatio", "maxAspectRatio", "aspectRatioBoundsInclusive", "source");
        var formats = new List<string>();
        var formatArray = reader.Array(obj, path, "formats");
        foreach (var item in formatArray?.Items ?? System.Array.Empty<JsonNode>())
        {
            var format = reader.AsString(item, path + ".formats");
            if (format is null)
            {
                continue;
            }

            if (!ImageFormats.Contains(format))
            {
                reader.Report(DiagnosticDescriptors.UnknownValue, item.Span, path + ".formats", format, string.Join(", ", ImageFormats));
            }
            else
            {
                formats.Add(format);
            }
        }

        var maxBytes = reader.Integer(obj, path, "maxBytes", 1);
        var shortEdge = reader.Integer(obj, path, "minShortEdgeExclusive", 0);
        var min = ReadRatio(reader, obj, path, "minAspectRatio");
        var max = ReadRatio(reader, obj, path, "maxAspectRatio");
        var inclusive = reader.Boolean(obj, path, "aspectRatioBoundsInclusive") ?? true;
        var source = reader.String(obj, path, "source");
        if (maxBytes is null || shortEdge is null || min is null || max is null || source is null)
        {
            return null;
        }

        return new ImageRulesModel(formats.ToEquatableArray(), maxBytes.Value, (int)shortEdge, min.Value.Width, min.Value.Height, max.Value.Width, max.Value.Height, inclusive, source);
    }

    private static (int Width, int Height)? ReadRatio(SpecReader reader, JsonObject obj, string path, string name)
    {
        var text = reader.String(obj, path, name);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0)
        {
            return (width, height);
        }

        reader.Report(DiagnosticDescriptors.InvalidValue, obj.Find(name)!.Value.Span, path + "." + name, text, "must be a ratio such as '2:5'");
        return null;
    }

    private static CameraModel? ReadCamera(SpecReader reader, JsonObject root)
    {
        const string path = "spec.camera";
        var obj = reader.Object(root, "spec", "camera", required: false);
        if (obj is null)
        {
            return null;
        }

        reader.CheckProperties(obj, path, "maxPerBracket", "commands", "source");
        var maxPerBracket = reader.Integer(obj, path, "maxPerBracket", 1);
        var source = reader.String(obj, path, "source");
        var commands = new List<CameraCommandModel>();
        var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var members = new HashSet<string>();
        var array = reader.Array(obj, path, "commands");
        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var command = reader.AsObject(item, path + ".commands");
            if (command is null)
            {
                continue;
            }

            reader.CheckProperties(command, path + ".commands", "name", "member");
            var name = reader.String(command, path + ".commands", "name");
            var member = reader.Member(command, path + ".commands[" + name + "]");
            if (name is null || member is null)
            {
                continue;
            }

            if (!names.Add(name) || !members.Add(member))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, command.Span, "Camera command", name, path + ".commands");
                continue;
            }

            commands.Add(new CameraCommandModel(name, member));
        }

        if (array is not null && array.Items.Count == 0)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, array.Span, path + ".commands", "[]", "at least one camera command is needed");
        }

        return maxPerBracket is null || source is null ? null : new CameraModel((int)maxPerBracket, commands.ToEquatableArray(), source);
    }

    private static EquatableArray<ResolutionModel> ReadResolutions(SpecReader reader, JsonObject root)
    {
        const string path = "spec.resolutions";
        var array = reader.Array(root, "spec", "resolutions", required: false);
        var resolutions = new List<ResolutionModel>();
        var names = new HashSet<string>();
        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var obj = reader.AsObject(item, path);
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path, "name", "member", "width", "height", "source");
            var name = reader.String(obj, path, "name");
            var itemPath = path + "[" + name + "]";
            var member = reader.Member(obj, itemPath);
            var width = reader.Integer(obj, itemPath, "width", 2);
            var height = reader.Integer(obj, itemPath, "height", 2);
            var source = reader.String(obj, itemPath, "source");
            if (name is not null && !IsResolutionName(name))
            {
                reader.Report(DiagnosticDescriptors.InvalidValue, obj.Find("name")!.Value.Span, itemPath + ".name", name, "must be a line count followed by 'p', such as '768p'");
                continue;
            }

            if (name is null || member is null || width is null || height is null || source is null)
            {
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Span, "Resolution", name, path);
                continue;
            }

            resolutions.Add(new ResolutionModel(name, member, (int)width, (int)height, source));
        }

        return Sorted(resolutions, r => ResolutionOrder(r.Name));
    }
}
