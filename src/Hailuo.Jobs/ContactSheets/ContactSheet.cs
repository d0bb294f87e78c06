using System.Globalization;
using FFMpegCore;

namespace Hailuo.Jobs;

/// <summary>
/// A contact sheet of a storyboard run, as a director reviews a draft: one row per shot with its first, middle and last
/// frame, its number, prompt (shortened), camera moves, duration and cost, and whether this run reused or rendered it.
/// Drawn by ffmpeg (drawtext), with the font given or a system sans-serif.
/// </summary>
public sealed class ContactSheet
{
    /// <summary>Width of every thumbnail in pixels.</summary>
    public const int ThumbnailWidth = 360;

    /// <summary>Colour of the marker of a shot rendered in this run (orange), as RGB.</summary>
    public const int RenderedColor = 0xFF8C00;

    /// <summary>Colour of the marker of a shot reused from the ledger (green), as RGB.</summary>
    public const int ReusedColor = 0x3CB371;

    private const int Margin = 16;
    private const int TextWidth = 620;
    private const int FontSize = 20;
    private const int LineHeight = 28;
    private const int PromptExcerpt = 52;

    private static readonly string[] Fonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ];

    private readonly FFOptions _options;
    private readonly string? _font;

    /// <summary>A sheet drawn with the ffmpeg of <paramref name="tools"/> and <paramref name="fontFile"/> (default: DejaVu Sans or Arial where installed).</summary>
    public ContactSheet(VideoTools tools, string? fontFile = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _options = new FFOptions { BinaryFolder = tools.BinaryFolder, TemporaryFilesFolder = System.IO.Path.GetTempPath() };
        _font = fontFile ?? Fonts.FirstOrDefault(File.Exists);
    }

    /// <summary>Writes the sheet of <paramref name="result"/> (its shots as <paramref name="jobs"/> prepared them) to <paramref name="path"/>.</summary>
    public async Task<ContactSheetLayout> WriteAsync(StoryboardJobs jobs, StoryboardResult result, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var work = Directory.CreateTempSubdirectory("hailuo-sheet-").FullName;
        try
        {
            var rows = new List<ContactSheetRow>();
            var pictures = new List<string>();
            var texts = new List<string>();
            var top = Margin;
            for (var i = 0; i < result.Clips.Count && i < jobs.Shots.Count; i++)
            {
                var shot = jobs.Shots[i];
                var clip = result.Clips[i].Location ?? throw new InvalidOperationException($"Shot {shot.Clip.Number} has no stored clip to show.");
                var probe = await FFProbe.AnalyseAsync(clip, _options, null, cancellationToken).ConfigureAwait(false);
                if (probe.PrimaryVideoStream is not { Width: > 0 and var width, Height: > 0 and var picture })
                {
                    throw new InvalidDataException($"{clip} holds no video stream.");
                }

                var height = (int)Math.Round(ThumbnailWidth * (double)picture / width / 2.0) * 2;
                var seconds = probe.Duration.TotalSeconds;
                var frames = new List<ContactSheetFrame>();
                foreach (var (at, k) in new[] { 0, seconds / 2, seconds }.Select((s, k) => (s, k)))
                {
                    var thumbnail = System.IO.Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"shot-{i}-{k}.png"));
                    await FrameAsync(clip, at, k == 2, thumbnail, cancellationToken).ConfigureAwait(false);
                    pictures.Add(thumbnail);
                    frames.Add(new ContactSheetFrame(at, new SheetBox(Margin + (k * (ThumbnailWidth + Margin)), top, ThumbnailWidth, height)));
                }

                var lines = Lines(shot, result.Clips[i]);
                var text = System.IO.Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"shot-{i}.txt"));
                await File.WriteAllLinesAsync(text, lines, cancellationToken).ConfigureAwait(false);
                texts.Add(text);
                var left = Margin + (3 * (ThumbnailWidth + Margin));
                rows.Add(new ContactSheetRow(shot.Clip.Number, shot.Work, frames, new SheetBox(left, top, 12, Math.Max(height, lines.Count * LineHeight)), lines));
                top += Math.Max(height, lines.Count * LineHeight) + Margin;
            }

            var layout = new ContactSheetLayout(System.IO.Path.GetFullPath(path), Margin + (3 * (ThumbnailWidth + Margin)) + 12 + Margin + TextWidth, top, rows);
            await DrawAsync(layout, pictures, texts, work, cancellationToken).ConfigureAwait(false);
            return layout;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<string> Lines(ShotJob shot, JobRecord job)
    {
        var request = shot.Clip.Request;
        var prompt = shot.Clip.Prompt ?? request.Prompt ?? string.Empty;
        var done = shot.Work == ShotWork.Reuse ? "reused" : "rendered";
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"Shot {shot.Clip.Number}  ·  {done}{(shot.Take > 1 ? $"  ·  take {shot.Take}" : string.Empty)}"),
            prompt.Length <= PromptExcerpt ? prompt : prompt[..(PromptExcerpt - 1)].TrimEnd() + "…",
            "Camera: " + (shot.Clip.Camera.Count > 0 ? string.Join(", ", shot.Clip.Camera) : "none"),
            string.Create(CultureInfo.InvariantCulture, $"{request.Duration} s  ·  {request.Resolution}  ·  {shot.Clip.Cost}"),
            "Task " + (job.TaskId ?? "unknown"),
        ];
    }

    // The last frame: seek near the end and keep the last picture decoded; others: an exact seek.
    private async Task FrameAsync(string clip, double seconds, bool last, string picture, CancellationToken cancellationToken)
    {
        var seek = last ? "-sseof -1" : string.Create(CultureInfo.InvariantCulture, $"-ss {seconds:0.###}");
        var output = last ? "-update 1" : "-frames:v 1";
        await FFMpegArguments.FromFileInput(clip, true, o => o.WithCustomArgument(seek))
            .OutputToFile(picture, true, o => o.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"{output} -vf scale={ThumbnailWidth}:-2:flags=area")))
            .ProcessAsynchronously(true, _options, cancellationToken).ConfigureAwait(false);
    }

    private async Task DrawAsync(ContactSheetLayout layout, List<string> pictures, List<string> texts, string work, CancellationToken cancellationToken)
    {
        var graph = new List<string> { string.Create(CultureInfo.InvariantCulture, $"color=c=0x1E1E1E:s={layout.Width}x{layout.Height}:d=1,format=rgb24[s0]") };
        var step = 0;
        var frames = layout.Rows.SelectMany(r => r.Frames).ToList();
        for (var k = 0; k < frames.Count; k++)
        {
            graph.Add(string.Create(CultureInfo.InvariantCulture, $"[s{step}][{k}:v]overlay=x={frames[k].Box.X}:y={frames[k].Box.Y}:format=rgb[s{step + 1}]"));
            step++;
        }

        var font = _font is null ? "font=Sans" : "fontfile=" + Quote(_font);
        for (var r = 0; r < layout.Rows.Count; r++)
        {
            var row = layout.Rows[r];
            var color = row.Work == ShotWork.Reuse ? ReusedColor : RenderedColor;
            graph.Add(string.Create(CultureInfo.InvariantCulture,
                $"[s{step}]drawbox=x={row.Marker.X}:y={row.Marker.Y}:w={row.Marker.Width}:h={row.Marker.Height}:color=0x{color:X6}:t=fill,drawtext={font}:textfile={Quote(texts[r])}:expansion=none:fontsize={FontSize}:fontcolor=white:line_spacing={LineHeight - FontSize}:x={row.Marker.X + row.Marker.Width + Margin}:y={row.Marker.Y + 4}[s{step + 1}]"));
            step++;
        }

        var script = System.IO.Path.Combine(work, "sheet.filter");
        await File.WriteAllTextAsync(script, string.Join(";\n", graph), cancellationToken).ConfigureAwait(false);
        var full = System.IO.Path.GetFullPath(layout.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var arguments = FFMpegArguments.FromFileInput(pictures[0]);
        foreach (var picture in pictures.Skip(1))
        {
            arguments = arguments.AddFileInput(picture);
        }

        var partial = full + ".partial.png";
        await arguments.OutputToFile(partial, true, o => o.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-filter_complex_script \"{script}\" -map [s{step}] -frames:v 1 -f image2")))
            .ProcessAsynchronously(true, _options, cancellationToken).ConfigureAwait(false);
        File.Move(partial, full, overwrite: true);
    }

    // A path inside a filter graph: forward slashes, the drive colon escaped, in single quotes.
    private static string Quote(string path) => "'" + path.Replace('\\', '/').Replace(":", "\\:", StringComparison.Ordinal) + "'";
}
