namespace Hailuo.Contracts;

/// <summary>An input mode of a model and the resolution x duration pairs it allows.</summary>
public sealed class ModeInfo
{
    /// <summary>Creates the mode facts; the generated catalog calls this.</summary>
    public ModeInfo(VideoMode mode, IReadOnlyList<MatrixRow> matrix, IReadOnlyList<string>? requires = null)
    {
        Mode = mode;
        Matrix = matrix;
        Requires = requires ?? DefaultRequires;
    }

    /// <summary>What a mode requires when its spec does not say: the prompt.</summary>
    public static IReadOnlyList<string> DefaultRequires { get; } = new[] { "prompt" };

    /// <summary>The input mode.</summary>
    public VideoMode Mode { get; }

    /// <summary>One row per resolution, lowest first.</summary>
    public IReadOnlyList<MatrixRow> Matrix { get; }

    /// <summary>The wire fields this mode requires beyond the model and the fields that choose the mode, such as "prompt".</summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>Whether the prompt is required in this mode; where it is not, the provider documents it as optional.</summary>
    public bool RequiresPrompt => MatrixRule.RequiresPrompt(Requires);

    /// <summary>The row of a resolution (case-insensitive, so "768P" finds "768p"), or null.</summary>
    public MatrixRow? FindResolution(string? resolution) =>
        resolution is null ? null : MatrixRule.Judge(Matrix, r => r.Resolution, r => r.Durations, resolution, null).Row;

    /// <summary>Whether the pair is allowed.</summary>
    public bool Allows(string resolution, int duration) =>
        MatrixRule.Judge(Matrix, r => r.Resolution, r => r.Durations, resolution, duration).Verdict == MatrixVerdict.Allowed;

    /// <summary>The matrix as text, such as "512p: 5, 10 s; 1080p: 5 s".</summary>
    public string Describe() => string.Join("; ", Matrix.Select(r => r.ToString()));

    /// <inheritdoc/>
    public override string ToString() => Mode.ToWireName() + " (" + Describe() + ")";
}

/// <summary>The durations allowed at one resolution.</summary>
public sealed class MatrixRow
{
    /// <summary>Creates a row; the generated catalog calls this.</summary>
    public MatrixRow(string resolution, IReadOnlyList<int> durations)
    {
        Resolution = resolution;
        Durations = durations;
    }

    /// <summary>Resolution name, such as "768p".</summary>
    public string Resolution { get; }

    /// <summary>Allowed durations in seconds, shortest first.</summary>
    public IReadOnlyList<int> Durations { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Resolution + ": " + string.Join(", ", Durations.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " s";
}
