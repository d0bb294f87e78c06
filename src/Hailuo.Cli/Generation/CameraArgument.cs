using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>Reads --camera values written as "pan-left", "PanLeft" or "Pan left".</summary>
internal static class CameraArgument
{
    /// <summary>The moves as the option spells them, such as "pan-left".</summary>
    public static string Allowed => string.Join(", ", Enum.GetValues<CameraMove>().Select(m => m.ToCommand().Replace(' ', '-').ToLowerInvariant()));

    public static CameraMove? Parse(string value) =>
        Enum.GetValues<CameraMove>().Select(m => (CameraMove?)m).FirstOrDefault(m => Key(m!.Value.ToCommand()) == Key(value));

    /// <summary>The bracket the moves make, such as "[Pan left, Zoom in]".</summary>
    public static string Bracket(IEnumerable<CameraMove> moves) => "[" + string.Join(", ", moves.Select(m => m.ToCommand())) + "]";

    // Letters and digits only, so spaces, dashes and case do not matter.
    private static string Key(string value) => new string(value.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
