namespace Hailuo.Contracts;

/// <summary>The camera commands a prompt may use in square brackets, and how many fit in one bracket.</summary>
public sealed class CameraCommandSet
{
    /// <summary>Creates the set; the generated catalog calls this.</summary>
    public CameraCommandSet(int maxPerBracket, IReadOnlyList<string> commands)
    {
        MaxPerBracket = maxPerBracket;
        Commands = commands;
    }

    /// <summary>The most commands one bracket may combine.</summary>
    public int MaxPerBracket { get; }

    /// <summary>Every command as written, such as "Pan left".</summary>
    public IReadOnlyList<string> Commands { get; }

    /// <summary>Whether the words name a command; case and surrounding spaces are ignored.</summary>
    public bool IsKnown(string command) => CameraRule.IsKnown(Commands, command);
}
