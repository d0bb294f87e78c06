using System.Net;
using System.Net.Sockets;
using Hailuo.Contracts;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`status`, `download` and `sim` against simulators the test owns.</summary>
[Collection(nameof(TaskCommandTests))]
public sealed class TaskCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-task").FullName;
    private HailuoSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await HailuoSimulator.StartAsync();
        Environment.SetEnvironmentVariable("APIMART_API_KEY", "cli-test-key");
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Status_shows_a_completed_task_and_when_its_url_expires()
    {
        var task = await Submit();
        _simulator.Clock.Advance(TimeSpan.FromMinutes(10));

        var (exit, output, error) = await CliRun.Run("status", task.Id, "--base-url", _simulator.BaseAddress.ToString());

        Assert.True(exit == 0, error);
        Assert.Contains($"task {task.Id}: completed (completed)", output, StringComparison.Ordinal);
        Assert.Contains("video URL expires ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_saves_a_completed_tasks_mp4()
    {
        var task = await Submit();
        _simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        var path = Path.Combine(_directory, "later.mp4");

        var (exit, output, error) = await CliRun.Run("download", task.Id, "--base-url", _simulator.BaseAddress.ToString(), "--out", path);

        Assert.True(exit == 0, error);
        Assert.Contains($"saved {path}", output, StringComparison.Ordinal);
        Assert.Equal(new Media.Mp4Info(1366, 768, TimeSpan.FromSeconds(5)), Media.Mp4Info.Read(path));
    }

    [Fact]
    public async Task Status_of_an_unknown_task_is_one_line_with_a_nonzero_exit()
    {
        var (exit, _, error) = await CliRun.Run("status", "task_nope", "--base-url", _simulator.BaseAddress.ToString());

        Assert.NotEqual(0, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_base_url_that_is_not_http_is_refused_naming_the_form()
    {
        var (exit, _, error) = await CliRun.Run("status", "task_1", "--base-url", "localhost:5080");

        Assert.Equal(2, exit);
        Assert.Equal("error: --base-url 'localhost:5080' is not an absolute http(s) URL, such as http://127.0.0.1:5080.", error.Trim());
    }

    [Theory]
    [InlineData("story")]
    [InlineData("generate")]
    public async Task Story_and_generate_submit_to_the_base_url_with_the_key_from_the_environment(string command)
    {
        var file = Path.Combine(_directory, "storyboard.json");
        File.WriteAllText(file, """{ "model": "MiniMax-Hailuo-02", "resolution": "768p", "duration": 5, "shots": [ { "prompt": "Through the gateway" } ] }""");
        string[] args = command == "story"
            ? ["story", file, "--base-url", _simulator.BaseAddress.ToString(), "--out", Path.Combine(_directory, "film.mp4")]
            : ["generate", "--prompt", "Through the gateway", "--resolution", "768p", "--duration", "5", "--stitch", "--base-url", _simulator.BaseAddress.ToString(), "--out", Path.Combine(_directory, "film.mp4")];
        using var cancel = new CancellationTokenSource();

        var (exit, output, _) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { ShotChanged = e => { if (e.State == Hailuo.Jobs.JobState.Submitted) { cancel.Cancel(); } } }, cancel.Token, args);

        Assert.Equal(130, exit);
        Assert.Contains($"plan on APIMart at {_simulator.BaseAddress}:", output, StringComparison.Ordinal);
        Assert.Equal("Through the gateway", Assert.Single(_simulator.Admin.Tasks).Prompt);
    }

    [Fact]
    public async Task Sim_serves_the_admin_api_until_cancelled_and_exits_cleanly()
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var listening = new TaskCompletionSource();
        var plain = CliConsole.Plain(output, error);
        var console = new CliConsole(plain.Output, plain.Error) { SimulatorListening = listening.SetResult };
        var run = CliApp.RunAsync(new[] { "sim", "--urls", $"http://127.0.0.1:{port}" }, console, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var answer = (await http.GetAsync(new Uri("/__admin/hailuo/tasks", UriKind.Relative))).StatusCode;
        await stop.CancelAsync();

        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(0, await run);
        Assert.Contains($"simulator listening on http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<VideoTask> Submit()
    {
        using var client = new HailuoClient(HailuoClientOptions.ApiMart("cli-test-key").WithBaseAddress(_simulator.BaseAddress));
        return await client.SubmitAsync(Contracts.ApiMart.Hailuo02.TextToVideo("A cat").At768p().Seconds5());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
