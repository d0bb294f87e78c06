namespace Hailuo.Contracts;

/// <summary>The outcome of checking an image against the spec's image rules.</summary>
/// <param name="Header">Format and size when the header could be read; null otherwise.</param>
/// <param name="Bytes">Length of the file in bytes.</param>
/// <param name="Problem">What is wrong, naming the value and what is allowed; null when the image is allowed.</param>
public sealed record ImageInspection(ImageHeader? Header, long Bytes, string? Problem)
{
    /// <summary>Whether the image follows every rule.</summary>
    public bool IsAllowed => Problem is null;
}
