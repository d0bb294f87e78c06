using System.Text;

namespace Hailuo.Contracts;

/// <summary>
/// A prompt with typed camera moves. Each <c>Camera</c> call adds one bracket of 1 to 3 moves: the overloads
/// stop at three, so a bracket of four does not compile.
/// </summary>
public sealed class Prompt
{
    private readonly string _text;
    private readonly IReadOnlyList<IReadOnlyList<CameraMove>> _brackets;

    private Prompt(string text, IReadOnlyList<IReadOnlyList<CameraMove>> brackets)
    {
        _text = text;
        _brackets = brackets;
    }

    /// <summary>The camera brackets in the order they take effect.</summary>
    public IReadOnlyList<IReadOnlyList<CameraMove>> CameraBrackets => _brackets;

    /// <summary>Starts a prompt from its description.</summary>
    public static Prompt Of(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new Prompt(text, Array.Empty<IReadOnlyList<CameraMove>>());
    }

    /// <summary>Adds a bracket with one camera move, such as [Pan left].</summary>
    public Prompt Camera(CameraMove move) => With(move);

    /// <summary>Adds a bracket with two moves, such as [Pan left, Zoom in].</summary>
    public Prompt Camera(CameraMove first, CameraMove second) => With(first, second);

    /// <summary>Adds a bracket with three moves, the most one bracket may hold.</summary>
    public Prompt Camera(CameraMove first, CameraMove second, CameraMove third) => With(first, second, third);

    /// <summary>The prompt as sent: the description, then each bracket in order.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(_text);
        foreach (var bracket in _brackets)
        {
            builder.Append(" [").Append(string.Join(", ", bracket.Select(m => m.ToCommand()))).Append(']');
        }

        return builder.ToString();
    }

    /// <summary>Turns a plain string into a prompt without camera moves.</summary>
    public static implicit operator Prompt(string text) => Of(text);

    private Prompt With(params CameraMove[] moves)
    {
        foreach (var move in moves)
        {
            if (!Enum.IsDefined(move))
            {
                throw new ArgumentOutOfRangeException(nameof(moves), move, "Not a camera move of the spec.");
            }
        }

        return new Prompt(_text, _brackets.Append(moves).ToArray());
    }
}
