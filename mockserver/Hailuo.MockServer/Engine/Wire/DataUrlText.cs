using System.Globalization;
using System.Text;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// Shortens the base64 payloads of data URLs in a body's text in one forward pass. A backtracking regex did this before,
/// and its cached runner kept a stack of about 30 bytes per character of the largest body it had seen (587 MB after one
/// 20 MB image).
/// </summary>
internal static class DataUrlText
{
    /// <summary>Payloads shorter than this many base64 characters are kept whole.</summary>
    private const int ShortestShortened = 64;

    private const string Scheme = "data:";
    private const string Base64Marker = ";base64,";

    /// <summary>
    /// The text with each data URL's payload of at least 64 base64 characters replaced by its length, such as
    /// "data:image/png;base64,...(28000 base64 characters)". JSON escapes of '+' and '/' (\u002B, \/) count as payload.
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? shortened = null;
        var copied = 0;
        var at = text.IndexOf(Scheme, StringComparison.Ordinal);
        while (at >= 0)
        {
            var payload = PayloadStart(text, at + Scheme.Length);
            var (end, symbols) = payload < 0 ? (-1, 0) : PayloadEnd(text, payload);
            if (symbols >= ShortestShortened)
            {
                shortened ??= new StringBuilder(Math.Min(text.Length, 4096));
                shortened.Append(text, copied, payload - copied)
                    .Append(CultureInfo.InvariantCulture, $"...({end - payload} base64 characters)");
                copied = end;
                at = text.IndexOf(Scheme, end, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf(Scheme, at + 1, StringComparison.Ordinal);
            }
        }

        return shortened is null ? text : shortened.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the payload begins after a media type and ";base64,", or -1 when the text there is not that.</summary>
    private static int PayloadStart(string text, int from)
    {
        var i = from;
        while (i < text.Length && IsMediaTypeChar(text[i]))
        {
            i++;
        }

        return i > from && string.CompareOrdinal(text, i, Base64Marker, 0, Base64Marker.Length) == 0 ? i + Base64Marker.Length : -1;
    }

    /// <summary>Where the run of base64 symbols ends, and how many symbols it holds (an escape counts as one).</summary>
    private static (int End, int Symbols) PayloadEnd(string text, int from)
    {
        var i = from;
        var symbols = 0;
        while (i < text.Length)
        {
            var width = SymbolWidth(text, i);
            if (width == 0)
            {
                break;
            }

            i += width;
            symbols++;
        }

        return (i, symbols);
    }

    private static int SymbolWidth(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
        {
            return 1;
        }

        if (c != '\\' || i + 1 >= text.Length)
        {
            return 0;
        }

        if (text[i + 1] == '/')
        {
            return 2;
        }

        return i + 5 < text.Length && string.CompareOrdinal(text, i + 1, "u002", 0, 4) == 0 && text[i + 5] is 'B' or 'b' or 'F' or 'f' ? 6 : 0;
    }

    private static bool IsMediaTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '.' or '-';
}
