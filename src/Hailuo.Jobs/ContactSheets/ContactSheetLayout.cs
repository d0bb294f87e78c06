namespace Hailuo.Jobs;

/// <summary>Where a contact sheet put each shot's pictures, so a page can point at them.</summary>
/// <param name="Path">The PNG.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Rows">One row per shot, in film order.</param>
public sealed record ContactSheetLayout(string Path, int Width, int Height, IReadOnlyList<ContactSheetRow> Rows);

/// <summary>A shot's row: its three frames, the box that marks it reused (green) or rendered (orange), and its text.</summary>
/// <param name="Number">The shot number.</param>
/// <param name="Work">Whether the run reused, resumed or rendered it.</param>
/// <param name="Frames">The first, middle and last frame.</param>
/// <param name="Marker">The coloured box beside the text.</param>
/// <param name="Text">The text lines beside the frames.</param>
public sealed record ContactSheetRow(int Number, ShotWork Work, IReadOnlyList<ContactSheetFrame> Frames, SheetBox Marker, IReadOnlyList<string> Text);

/// <summary>A thumbnail of one frame of a shot's clip.</summary>
/// <param name="Seconds">Where in the clip the frame is.</param>
/// <param name="Box">Where on the sheet the thumbnail is.</param>
public sealed record ContactSheetFrame(double Seconds, SheetBox Box);

/// <summary>A rectangle on the sheet, in pixels from the top left.</summary>
public readonly record struct SheetBox(int X, int Y, int Width, int Height);
