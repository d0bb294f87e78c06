namespace Hailuo.Cli;

/// <summary>Quotes a word for a POSIX shell, so a printed command can be pasted as it is.</summary>
internal static class ShellWord
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:@%+=,".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
