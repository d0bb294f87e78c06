using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Parsing;

internal static partial class SpecParser
{
    // The image fields of a request, in the order the drafts take them (first frame, last frame, subject); a property, as RequestFields lives in another part of the class.
    private static string[] ImageFields => RequestFields.Skip(2).ToArray();

    /// <summary>Reads the spec's "modes": the images each mode carries, which must be the ones that imply the mode.</summary>
    private static EquatableArray<ModeInputModel> ReadModeInputs(SpecReader reader, JsonObject root)
    {
        const string path = "spec.modes";
        var inputs = new List<ModeInputModel>();
        foreach (var item in reader.Array(root, "spec", "modes", required: false)?.Items ?? System.Array.Empty<JsonNode>())
        {
            var obj = reader.AsObject(item, path);
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path, "mode", "images", "source");
            var mode = reader.OneOf(obj, path, "mode", Modes);
            var modePath = path + "[" + mode + "]";
            var source = reader.String(obj, modePath, "source");
            var images = ReadModeImages(reader, obj, modePath);
            if (mode is null || source is null || images is null)
            {
                continue;
            }

            if (inputs.Any(i => i.Mode == mode))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Find("mode")!.Value.Span, "Mode", mode, path);
                continue;
            }

            // The rule core infers a request's mode from its images; a definition must agree, or typed and untyped requests would differ.
            var fields = images.Value.Select(i => i.Field).ToList();
            var implied = VideoModeNames.Effective(null, fields.Contains(ImageFields[0]), fields.Contains(ImageFields[1]), fields.Contains(ImageFields[2])).ToWireName();
            if (implied != mode)
            {
                reader.Report(DiagnosticDescriptors.InvalidValue, obj.Find("images")!.Value.Span, modePath + ".images", "[" + string.Join(", ", fields) + "]", "these images make a request " + implied + ", not " + mode);
                continue;
            }

            inputs.Add(new ModeInputModel(mode, images.Value, source));
        }

        return Sorted(inputs, i => System.Array.IndexOf(Modes, i.Mode));
    }

    private static EquatableArray<ModeImageModel>? ReadModeImages(SpecReader reader, JsonObject mode, string path)
    {
        var array = reader.Array(mode, path, "images");
        if (array is null)
        {
            return null;
        }

        var images = new List<ModeImageModel>();
        foreach (var item in array.Items)
        {
            var obj = reader.AsObject(item, path + ".images");
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path + ".images", "field", "member");
            var field = reader.OneOf(obj, path + ".images", "field", ImageFields);
            var member = reader.Member(obj, path + ".images[" + field + "]");
            if (field is null || member is null)
            {
                continue;
            }

            if (images.Any(i => i.Field == field || i.Member == member))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Span, "Image", field, path + ".images");
                continue;
            }

            images.Add(new ModeImageModel(field, member));
        }

        // The drafts take their images by position, in the order of ImageFields.
        return Sorted(images, i => System.Array.IndexOf(ImageFields, i.Field));
    }
}
