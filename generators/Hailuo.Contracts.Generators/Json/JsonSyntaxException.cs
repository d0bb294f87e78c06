using System;

namespace Hailuo.Contracts.Generators.Json;

/// <summary>Malformed JSON at a known offset; the generator turns it into diagnostic HLU0001.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(int position, string message)
        : base(message)
    {
        Position = position;
    }

    public JsonSyntaxException()
    {
    }

    public JsonSyntaxException(string message)
        : base(message)
    {
    }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
