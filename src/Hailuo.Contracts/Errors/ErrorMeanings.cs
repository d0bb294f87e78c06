namespace Hailuo.Contracts;

/// <summary>What a provider's numeric error code means, read from the spec's dialects; no code is named anywhere else.</summary>
/// <remarks>The meanings themselves are emitted from the schema's "$defs.errorMeaning", which the spec's parser reads too.</remarks>
public static partial class ErrorMeanings
{
    /// <summary>The spec's meaning of the code, looked up in every dialect (APIMart passes MiniMax's codes on), or null.</summary>
    public static string? Of(string? code) =>
        int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? HailuoSpec.Dialects.Select(d => d.ErrorCodes.TryGetValue(number, out var meaning) ? meaning : null).FirstOrDefault(m => m is not null)
            : null;

    /// <summary>Whether the spec gives the code this meaning.</summary>
    public static bool Is(string? code, string meaning) => string.Equals(Of(code), meaning, StringComparison.Ordinal);
}
