using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Parsing;

internal static partial class SpecParser
{
    // Our words for task status and for error codes, whatever a dialect calls them: emitted from the schema, as in the runtime.
    private static readonly string[] StatusMeanings = VideoTaskStatusMeanings.All.ToArray();
    private static readonly string[] ErrorCodeMeanings = ErrorMeanings.All.ToArray();

    private static EquatableArray<DialectModel> ReadDialects(SpecReader reader, JsonObject root)
    {
        const string path = "spec.dialects";
        var array = reader.Array(root, "spec", "dialects", required: false);
        var dialects = new List<DialectModel>();
        foreach (var item in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var obj = reader.AsObject(item, path);
            if (obj is null)
            {
                continue;
            }

            reader.CheckProperties(obj, path, "name", "submit", "status", "fileRetrieve", "statusWords", "errorCodes", "errorTransport", "traceIdHeader", "source");
            var name = reader.OneOf(obj, path, "name", Dialects);
            var itemPath = path + "[" + name + "]";
            var submit = reader.String(obj, itemPath, "submit");
            var status = reader.String(obj, itemPath, "status");
            var fileRetrieve = reader.String(obj, itemPath, "fileRetrieve", required: false);
            var source = reader.String(obj, itemPath, "source");
            var statusWords = ReadWords(reader, obj, itemPath, "statusWords", StatusMeanings, numericKeys: false);
            var errorCodes = ReadWords(reader, obj, itemPath, "errorCodes", ErrorCodeMeanings, numericKeys: true);
            if (name is not null && dialects.Any(d => d.Name == name))
            {
                reader.Report(DiagnosticDescriptors.Duplicate, obj.Find("name")!.Value.Span, "Dialect", name, path);
                continue;
            }

            if (name is not null && submit is not null && status is not null && source is not null && statusWords is not null && errorCodes is not null)
            {
                dialects.Add(new DialectModel(name, submit, status, fileRetrieve, statusWords.Value, errorCodes.Value, source)
                {
                    ErrorsInBody = ReadErrorTransport(reader, obj, itemPath),
                    TraceIdHeader = ReadTraceIdHeader(reader, obj, itemPath),
                });
            }
        }

        return Sorted(dialects, d => d.Name);
    }

    private static readonly string[] ErrorTransports = { "in-body", "http-status" };

    /// <summary>"errorTransport": {"form": "in-body" | "http-status", "source": ...}; null when absent.</summary>
    private static bool? ReadErrorTransport(SpecReader reader, JsonObject dialect, string path)
    {
        var obj = reader.Object(dialect, path, "errorTransport", required: false);
        if (obj is null)
        {
            return null;
        }

        var transportPath = path + ".errorTransport";
        reader.CheckProperties(obj, transportPath, "form", "source");
        var form = reader.OneOf(obj, transportPath, "form", ErrorTransports);
        reader.String(obj, transportPath, "source");
        return form is null ? null : form == "in-body";
    }

    /// <summary>"traceIdHeader": {"name": "Trace-Id", "source": ...}; null when absent.</summary>
    private static string? ReadTraceIdHeader(SpecReader reader, JsonObject dialect, string path)
    {
        var obj = reader.Object(dialect, path, "traceIdHeader", required: false);
        if (obj is null)
        {
            return null;
        }

        var headerPath = path + ".traceIdHeader";
        reader.CheckProperties(obj, headerPath, "name", "source");
        reader.String(obj, headerPath, "source");
        return reader.String(obj, headerPath, "name");
    }

    private static EquatableArray<WordModel>? ReadWords(SpecReader reader, JsonObject dialect, string path, string name, string[] meanings, bool numericKeys)
    {
        var obj = reader.Object(dialect, path, name);
        if (obj is null)
        {
            return null;
        }

        var wordsPath = path + "." + name;
        reader.CheckProperties(obj, wordsPath, obj.Properties.Select(p => p.Name).Distinct().ToArray());
        var words = new List<WordModel>();
        foreach (var property in obj.Properties)
        {
            if (numericKeys && !int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                reader.Report(DiagnosticDescriptors.InvalidValue, property.NameSpan, wordsPath, property.Name, "error codes are whole numbers");
                continue;
            }

            var meaning = reader.AsString(property.Value, wordsPath + "." + property.Name);
            if (meaning is null)
            {
                continue;
            }

            if (!meanings.Contains(meaning))
            {
                reader.Report(DiagnosticDescriptors.UnknownValue, property.Value.Span, wordsPath + "." + property.Name, meaning, string.Join(", ", meanings));
                continue;
            }

            words.Add(new WordModel(property.Name, meaning));
        }

        return words.ToEquatableArray();
    }

    private static TaskTimingModel? ReadTasks(SpecReader reader, JsonObject root)
    {
        const string path = "spec.tasks";
        var obj = reader.Object(root, "spec", "tasks", required: false);
        if (obj is null)
        {
            return null;
        }

        reader.CheckProperties(obj, path, "downloadUrlLifetimeSeconds", "callbackChallengeSeconds", "pollIntervalSeconds", "pollIntervalMaxSeconds", "pollIntervalWhenRateLimitedSeconds", "typicalRenderSeconds", "longestRenderSeconds", "source");
        var lifetime = reader.Integer(obj, path, "downloadUrlLifetimeSeconds", 1);
        var challenge = reader.Integer(obj, path, "callbackChallengeSeconds", 1);
        var poll = reader.Integer(obj, path, "pollIntervalSeconds", 1);
        var pollMax = reader.Integer(obj, path, "pollIntervalMaxSeconds", 1);
        var pollLimited = reader.Integer(obj, path, "pollIntervalWhenRateLimitedSeconds", 1);
        var longest = reader.Integer(obj, path, "longestRenderSeconds", 1);
        var source = reader.String(obj, path, "source");
        var typical = reader.Array(obj, path, "typicalRenderSeconds");
        long? typicalMin = null;
        long? typicalMax = null;
        if (typical is not null && typical.Items.Count == 2)
        {
            typicalMin = reader.AsInteger(typical.Items[0], path + ".typicalRenderSeconds", 1);
            typicalMax = reader.AsInteger(typical.Items[1], path + ".typicalRenderSeconds", 1);
        }
        else if (typical is not null)
        {
            reader.Report(DiagnosticDescriptors.InvalidValue, typical.Span, path + ".typicalRenderSeconds", "[...]", "must be [shortest, longest] in seconds");
        }

        if (lifetime is null || challenge is null || poll is null || pollMax is null || pollLimited is null || longest is null || source is null || typicalMin is null || typicalMax is null)
        {
            return null;
        }

        return new TaskTimingModel((int)lifetime, (int)challenge, (int)poll, (int)pollMax, (int)pollLimited, (int)typicalMin, (int)typicalMax, (int)longest, source);
    }
}
