using System.Text.Json;
using Hailuo.MockServer;
using Hailuo.MockServer.Video;
using Hailuo.Testing;

namespace Hailuo.Cli.Tests;

/// <summary>A storyboard file, edited between runs of `hailuo story` on one simulator that keeps its tasks as a provider does.</summary>
internal sealed class FilmStudio : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-films").FullName;

    private FilmStudio(HailuoSimulator simulator)
    {
        Simulator = simulator;
    }

    public HailuoSimulator Simulator { get; }

    public string Folder => _directory;

    public string Out => Path.Combine(_directory, "film.mp4");

    public string File => Path.Combine(_directory, "storyboard.json");

    /// <summary>The simulator's own task list: what was rendered, whatever the CLI says.</summary>
    public int Tasks => Simulator.Admin.Tasks.Count;

    public static async Task<FilmStudio> OpenAsync() => new(await HailuoSimulator.StartAsync(FilmRunner.Quick()));

    /// <summary>Writes a storyboard of <paramref name="prompts"/> on MiniMax-Hailuo-02.</summary>
    public void Write(string mode, string resolution, params string[] prompts) => WriteShots(mode, resolution, prompts.Select(p => (object)new { prompt = p }).ToArray());

    public void WriteShots(string mode, string resolution, object[] shots, string model = "MiniMax-Hailuo-02") =>
        System.IO.File.WriteAllText(File, JsonSerializer.Serialize(new { model, resolution, duration = 5, mode, shots }));

    public Task<(int Exit, string Output, string Error)> StoryAsync(params string[] more) =>
        FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { Simulator = Simulator }, ["story", File, "--sim", "--out", Out, .. more]);

    /// <summary>The simulator's task whose prompt is <paramref name="prompt"/>, the newest when several.</summary>
    public SimulatedTask Task(string prompt) => Simulator.Admin.Tasks.Last(t => t.Prompt == prompt);

    /// <summary>The mark of the clip shown at <paramref name="seconds"/> into <paramref name="video"/> (1366x768).</summary>
    public static async Task<uint?> MarkAtAsync(string video, double seconds) => FrameMark.Read(await GrayFrame.ReadAsync(video, seconds), 1366, 768);

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
