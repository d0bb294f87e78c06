using Hailuo.Cli.Output;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>
/// `generate`, `generate --stitch` and `story` check --out before anything is submitted (exit code 12): a paid video
/// must have somewhere to go. Each case truly fails as root, or goes through the disk seam.
/// </summary>
public sealed class OutputCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-out").FullName;

    private string Out => Path.Combine(_directory, "clip.mp4");

    [Fact]
    public async Task A_folder_as_out_is_refused_before_the_submit()
    {
        var (exit, simulator, error) = await Generate(null, "--out", _directory);

        Assert.Equal(12, exit);
        Assert.Equal($"error: --out '{_directory}' is a folder; it must name a file, such as '{Path.Combine(_directory, "video.mp4")}'. Nothing was submitted.", error.Trim());
        Assert.Null(simulator);
    }

    [Fact]
    public async Task An_out_whose_folder_is_a_file_is_refused_before_the_submit()
    {
        var file = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(file, "not a folder");

        var (exit, simulator, error) = await Generate(null, "--out", Path.Combine(file, "clip.mp4"));

        Assert.Equal(12, exit);
        Assert.Contains($"'{file}' is a file, not a folder", error, StringComparison.Ordinal);
        Assert.Null(simulator);
    }

    [Fact]
    public async Task An_out_in_a_missing_folder_that_cannot_be_made_is_refused_naming_the_folder()
    {
        // sysfs takes no new folders from anyone, root included.
        var folder = "/sys/hailuo-renders";

        var (exit, simulator, error) = await Generate(null, "--out", Path.Combine(folder, "clip.mp4"));

        Assert.Equal(12, exit);
        Assert.Contains($"the folder '{folder}' does not exist and cannot be created", error, StringComparison.Ordinal);
        Assert.Null(simulator);
    }

    [Fact]
    public async Task An_out_in_a_missing_folder_gets_its_folder_and_its_video()
    {
        var clip = Path.Combine(_directory, "renders", "clip.mp4");

        var (exit, _, error) = await Generate(null, "--out", clip);

        Assert.True(exit == 0, error);
        Assert.True(new FileInfo(clip).Length > 0);
    }

    [Fact]
    public async Task An_out_in_a_folder_nobody_can_write_even_root_is_refused_before_the_submit()
    {
        // sysfs takes no new files from anyone, root included, whether mounted read-write or read-only.
        Assert.True(Directory.Exists("/sys"), "this test needs Linux's /sys");

        var (exit, simulator, error) = await Generate(null, "--out", "/sys/clip.mp4");

        Assert.Equal(12, exit);
        Assert.StartsWith("error: --out '/sys/clip.mp4' cannot be written: the folder '/sys' is not writable (", error, StringComparison.Ordinal);
        Assert.Null(simulator);
    }

    [Fact]
    public async Task A_folder_the_user_may_not_write_is_refused_naming_the_permission()
    {
        var refusing = OutputDisk.Local with { ProbeWrite = _ => throw new UnauthorizedAccessException("Access to the path is denied.") };

        var (exit, simulator, error) = await Generate(refusing, "--out", Out);

        Assert.Equal(12, exit);
        Assert.Equal($"error: --out '{Out}' cannot be written: the folder '{_directory}' is not writable (permission denied). Nothing was submitted.", error.Trim());
        Assert.Null(simulator);
    }

    [Fact]
    public async Task A_disk_too_full_for_the_clip_is_refused_naming_the_free_space_and_the_need()
    {
        var full = OutputDisk.Local with { FreeBytes = _ => 3_000_000 };

        var (exit, simulator, error) = await Generate(full, "--resolution", "1080p", "--duration", "5", "--out", Out);

        Assert.Equal(12, exit);
        Assert.Equal($"error: --out '{Out}' cannot be written: the disk holding '{_directory}' has 3.0 MB free, and the video needs about 7.8 MB (15.6 MB with the margin). Nothing was submitted.", error.Trim());
        Assert.Null(simulator);
    }

    [Fact]
    public async Task Free_space_that_covers_the_clip_and_its_margin_lets_the_clip_be_made()
    {
        // 1920 x 1080 pixels x 5 s x 6 bits = 7,776,000 bytes, twice with the margin.
        var enough = OutputDisk.Local with { FreeBytes = _ => 15_552_000 };

        var (exit, simulator, error) = await Generate(enough, "--resolution", "1080p", "--duration", "5", "--out", Out);

        Assert.True(exit == 0, error);
        Assert.NotNull(simulator);
        Assert.NotNull(OutputCheck.Problem("--out", new FileInfo(Path.Combine(_directory, "next.mp4")), 7_776_001, enough));
    }

    [Fact]
    public void The_local_disk_reads_the_free_space_under_any_folder_and_probes_it_without_leaving_a_file()
    {
        // The check skips a disk that cannot say its free space, so the real seam must not throw for a plain folder.
        Assert.InRange(OutputDisk.Local.FreeBytes(_directory), 1, long.MaxValue);
        OutputDisk.Local.ProbeWrite(_directory);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Stitch_checks_out_for_the_whole_film_and_its_clips_before_the_ledger_or_a_submit()
    {
        var full = OutputDisk.Local with { FreeBytes = _ => 40_000_000 };
        HailuoSimulator? simulator = null;
        var film = Path.Combine(_directory, "film.mp4");

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s, Disk = full },
            "generate", "--sim", "--prompt", "A kite", "--resolution", "1080p", "--duration", "30", "--stitch", "--out", film);

        // Six 1080p clips of 5 s (46.7 MB), kept beside the stitched film: 93.3 MB, 186.6 MB with the margin.
        Assert.Equal(12, exit);
        Assert.Contains("has 40.0 MB free, and the video needs about 93.3 MB (186.6 MB with the margin)", error, StringComparison.Ordinal);
        Assert.Null(simulator);
        Assert.False(File.Exists(film + ".ledger.db"));
    }

    [Fact]
    public async Task Story_refuses_a_folder_as_out_before_the_ledger_or_a_submit()
    {
        var storyboard = Path.Combine(_directory, "story.json");
        await File.WriteAllTextAsync(storyboard, """{ "model": "MiniMax-Hailuo-02", "resolution": "768p", "duration": 5, "shots": [ { "prompt": "A lighthouse" } ] }""");
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s }, "story", storyboard, "--sim", "--out", _directory);

        Assert.Equal(12, exit);
        Assert.Contains($"--out '{_directory}' is a folder", error, StringComparison.Ordinal);
        Assert.Null(simulator);
        Assert.False(File.Exists(_directory + ".ledger.db"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, HailuoSimulator? Simulator, string Error)> Generate(OutputDisk? disk, params string[] args)
    {
        HailuoSimulator? simulator = null;
        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s, Disk = disk ?? OutputDisk.Local },
            ["generate", "--sim", "--prompt", "A cat", .. args]);
        return (exit, simulator, error);
    }
}
