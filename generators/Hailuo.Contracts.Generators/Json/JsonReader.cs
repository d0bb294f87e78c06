using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Json;

/// <summary>
/// A small RFC 8259 reader that keeps source spans. Dependency-free on purpose: System.Text.Json
/// inside an analyzer fails to load in some compiler hosts.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonReader(string text)
    {
        _text = text;
    }

    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipWhitespace();
        if (reader._position < text.Length && text[reader._position] == '\uFEFF')
        {
            reader._position++;
            reader.SkipWhitespace();
        }

        var root = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._position < text.Length)
        {
            throw new JsonSyntaxException(reader._position, "Unexpected text after the end of the JSON document.");
        }

        return root;
    }

    private JsonNode ReadValue()
    {
        if (_position >= _text.Length)
        {
            throw new JsonSyntaxException(_position, "Unexpected end of file: a value was expected.");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var start = _position;
                var value = ReadString();
                return new JsonString(TextSpan.FromBounds(start, _position), value);
            case 't':
                return ReadLiteral("true", span => new JsonBoolean(span, true));
            case 'f':
                return ReadLiteral("false", span => new JsonBoolean(span, false));
            case 'n':
                return ReadLiteral("null", span => new JsonNull(span));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonSyntaxException(_position, string.Format(CultureInfo.InvariantCulture, "Unexpected character '{0}': a value was expected.", c));
        }
    }

    private JsonObject ReadObject()
    {
        var start = _position;
        Enter();
        _position++;
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _depth--;
            return new JsonObject(TextSpan.FromBounds(start, _position), properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException(_position, "A property name in double quotes was expected.");
            }

            var nameStart = _position;
            var name = ReadString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipWhitespace();
            Expect(':', "':' was expected after the property name.");
            SkipWhitespace();
            properties.Add(new JsonProperty(name, nameSpan, ReadValue()));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                break;
            }

            if (next != ',')
            {
                throw new JsonSyntaxException(_position - 1, "',' or '}' was expected after a property value.");
            }
        }

        _depth--;
        return new JsonObject(TextSpan.FromBounds(start, _position), properties);
    }

    private JsonArray ReadArray()
    {
        var start = _position;
        Enter();
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _depth--;
            return new JsonArray(TextSpan.FromBounds(start, _position), items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue());
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                break;
            }

            if (next != ',')
            {
                throw new JsonSyntaxException(_position - 1, "',' or ']' was expected after an array item.");
            }
        }

        _depth--;
        return new JsonArray(TextSpan.FromBounds(start, _position), items);
    }

    private string ReadString()
    {
        var start = _position;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException(start, "Unterminated string.");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\n' || c == '\r')
            {
                throw new JsonSyntaxException(start, "The string is not closed before the end of its line.");
            }

            if (c < ' ')
            {
                throw new JsonSyntaxException(_position - 1, "Control characters must be escaped inside strings.");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException(start, "Unterminated string.");
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonSyntaxException(_position - 2, "'\\u' must be followed by four hexadecimal digits.");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException(_position - 2, string.Format(CultureInfo.InvariantCulture, "Unknown escape sequence '\\{0}'.", escape));
            }
        }
    }

    private JsonNumber ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else
        {
            ReadDigits("A digit was expected in the number.");
        }

        if (Peek() == '.')
        {
            _position++;
            ReadDigits("A digit was expected after the decimal point.");
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            ReadDigits("A digit was expected in the exponent.");
        }

        return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private void ReadDigits(string error)
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        if (_position == start)
        {
            throw new JsonSyntaxException(_position, error);
        }
    }

    private JsonNode ReadLiteral(string literal, System.Func<TextSpan, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException(_position, string.Format(CultureInfo.InvariantCulture, "Unexpected token: '{0}' was expected.", literal));
        }

        var start = _position;
        _position += literal.Length;
        return create(TextSpan.FromBounds(start, _position));
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonSyntaxException(_position, "The JSON is nested too deeply.");
        }
    }

    private void Expect(char c, string error)
    {
        if (Peek() != c)
        {
            throw new JsonSyntaxException(_position, error);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }
}
