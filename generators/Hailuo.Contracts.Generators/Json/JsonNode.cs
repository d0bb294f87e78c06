using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Json;

/// <summary>A parsed JSON value that remembers where it stands in the file, so diagnostics can point at it.</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span)
    {
        Span = span;
    }

    public TextSpan Span { get; }

    public abstract string KindName { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span)
    {
        Properties = properties;
    }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public override string KindName => "an object";

    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<JsonNode> Items { get; }

    public override string KindName => "an array";
}

internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span)
    {
        Value = value;
    }

    public string Value { get; }

    public override string KindName => "a string";
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string text)
        : base(span)
    {
        Text = text;
    }

    /// <summary>The literal as written, so integers and decimals are read without binary rounding.</summary>
    public string Text { get; }

    public override string KindName => "a number";
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span)
    {
        Value = value;
    }

    public bool Value { get; }

    public override string KindName => "a boolean";
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override string KindName => "null";
}
