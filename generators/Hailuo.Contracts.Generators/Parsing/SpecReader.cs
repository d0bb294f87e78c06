using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Parsing;

/// <summary>Typed access to JSON nodes that reports a located diagnostic for every missing or mistyped value.</summary>
internal sealed class SpecReader
{
    private readonly string _path;
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public SpecReader(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        var lineSpan = _text.Lines.GetLinePositionSpan(span);
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), _path, span, lineSpan));
    }

    public JsonObject? AsObject(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        Report(DiagnosticDescriptors.WrongType, node.Span, path, "an object", node.KindName);
        return null;
    }

    public void CheckProperties(JsonObject obj, string path, params string[] known)
    {
        var seen = new HashSet<string>();
        foreach (var property in obj.Properties)
        {
            if (!seen.Add(property.Name))
            {
                Report(DiagnosticDescriptors.Duplicate, property.NameSpan, "Property", property.Name, path);
            }
            else if (!known.Contains(property.Name))
            {
                Report(DiagnosticDescriptors.UnknownProperty, property.NameSpan, path, property.Name, string.Join(", ", known));
            }
        }
    }

    public JsonNode? Required(JsonObject obj, string path, string name)
    {
        var property = obj.Find(name);
        if (property is null)
        {
            Report(DiagnosticDescriptors.MissingProperty, obj.Span, path, name);
        }

        return property?.Value;
    }

    public string? String(JsonObject obj, string path, string name, bool required = true)
    {
        var node = required ? Required(obj, path, name) : obj.Find(name)?.Value;
        return node is null ? null : AsString(node, path + "." + name);
    }

    public string? AsString(JsonNode node, string path)
    {
        if (node is JsonString s)
        {
            return s.Value;
        }

        Report(DiagnosticDescriptors.WrongType, node.Span, path, "a string", node.KindName);
        return null;
    }

    public long? Integer(JsonObject obj, string path, string name, long minimum, bool required = true)
    {
        var node = required ? Required(obj, path, name) : obj.Find(name)?.Value;
        return node is null ? null : AsInteger(node, path + "." + name, minimum);
    }

    public long? AsInteger(JsonNode node, string path, long minimum)
    {
        if (node is not JsonNumber number
            || !long.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(DiagnosticDescriptors.WrongType, node.Span, path, "a whole number", Describe(node));
            return null;
        }

        if (value < minimum || value > int.MaxValue)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Span, path, number.Text,
                string.Format(CultureInfo.InvariantCulture, "must be at least {0}", minimum));
            return null;
        }

        return value;
    }

    public bool? Boolean(JsonObject obj, string path, string name)
    {
        var node = obj.Find(name)?.Value;
        if (node is null)
        {
            return null;
        }

        if (node is JsonBoolean b)
        {
            return b.Value;
        }

        Report(DiagnosticDescriptors.WrongType, node.Span, path + "." + name, "true or false", node.KindName);
        return null;
    }

    public JsonArray? Array(JsonObject obj, string path, string name, bool required = true)
    {
        var node = required ? Required(obj, path, name) : obj.Find(name)?.Value;
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Report(DiagnosticDescriptors.WrongType, node.Span, path + "." + name, "an array", node.KindName);
        return null;
    }

    public JsonObject? Object(JsonObject obj, string path, string name, bool required = true)
    {
        var node = required ? Required(obj, path, name) : obj.Find(name)?.Value;
        return node is null ? null : AsObject(node, path + "." + name);
    }

    /// <summary>Reads a string that must be one of a closed set of words.</summary>
    public string? OneOf(JsonObject obj, string path, string name, string[] allowed, bool required = true)
    {
        var value = String(obj, path, name, required);
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        Report(DiagnosticDescriptors.UnknownValue, obj.Find(name)!.Value.Span, path + "." + name, value, string.Join(", ", allowed));
        return null;
    }

    public string? Member(JsonObject obj, string path)
    {
        var value = String(obj, path, "member");
        if (value is null)
        {
            return null;
        }

        if (!SyntaxFacts.IsValidIdentifier(value) || !char.IsUpper(value[0]))
        {
            Report(DiagnosticDescriptors.InvalidMember, obj.Find("member")!.Value.Span, path + ".member", value);
            return null;
        }

        return value;
    }

    private static string Describe(JsonNode node) => node is JsonNumber n ? "the number " + n.Text : node.KindName;
}
