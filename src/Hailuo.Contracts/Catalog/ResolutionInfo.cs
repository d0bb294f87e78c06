namespace Hailuo.Contracts;

/// <summary>A resolution and the pixel size of a landscape 16:9 clip at it.</summary>
/// <param name="Name">Such as "768p".</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ResolutionInfo(string Name, int Width, int Height);
