using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>C# literals, always in the invariant culture.</summary>
internal static class Literals
{
    public static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Decimal(string? invariant) => invariant is null ? "null" : $"{invariant}m";

    public static string IntArray(IEnumerable<int> values) => $"new[] {{ {string.Join(", ", values.Select(v => Int(v)))} }}";

    public static string StringArray(IEnumerable<string> values) => $"new[] {{ {string.Join(", ", values.Select(String))} }}";

    /// <summary>The VideoMode member for a spec mode word.</summary>
    public static string Mode(string mode) => $"global::Hailuo.Contracts.VideoMode.{ModeMember(mode)}";

    /// <summary>The VideoMode member a spec mode word names (the rule core's enum), such as "TextToVideo".</summary>
    public static string ModeMember(string mode) => VideoModeNames.FromWireName(mode)!.Value.ToString();
}
