using System.Net;
using Hailuo.Cli.Media;
using Hailuo.MockServer;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

public sealed class GenerateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-generate").FullName;

    private string Out => Path.Combine(_directory, "clip.mp4");

    [Fact]
    public async Task Generate_on_the_simulator_saves_an_mp4_of_the_requested_size_and_length()
    {
        var (exit, output, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cute cat running on the grass", "--camera", "pan-left", "zoom-in", "--resolution", "768p", "--duration", "10", "--out", Out);

        Assert.True(exit == 0, error);
        Assert.True(output.Contains("MiniMax-Hailuo-02 text-to-video 768p 10 s on APIMart (simulator): estimated $0.40", StringComparison.Ordinal), output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"\n  \d+:\d\d  completed( 100%)?\r?\n"), output);
        Assert.Contains($"saved {Out}", output, StringComparison.Ordinal);
        Assert.Contains("1366x768, 10.0 s", output, StringComparison.Ordinal);
        Assert.Equal(new Mp4Info(1366, 768, TimeSpan.FromSeconds(10)), Mp4Info.Read(Out));
    }

    [Fact]
    public async Task Generate_sends_the_camera_moves_as_one_bracket()
    {
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await CliRun.Run(null, s => simulator = s, "generate", "--sim", "--prompt", "A cat", "--camera", "PanLeft", "Zoom in", "--out", Out);

        Assert.True(exit == 0, error);
        Assert.Equal("A cat [Pan left, Zoom in]", SubmitBody(simulator!).GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Generate_on_minimax_uses_its_dialect_and_matrix()
    {
        var (exit, output, error) = await CliRun.Run("generate", "--sim", "--provider", "minimax", "--prompt", "A cat", "--resolution", "1080p", "--duration", "6", "--out", Out);

        Assert.True(exit == 0, error);
        Assert.Contains("1920x1080, 6.0 s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_pair_is_refused_before_anything_is_sent()
    {
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await CliRun.Run(null, s => simulator = s, "generate", "--sim", "--prompt", "A cat", "--resolution", "1080p", "--duration", "10", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Equal("error: 'duration' is 10 at 1080p: MiniMax-Hailuo-02 text-to-video on APIMart allows 5 s at 1080p (pairs: 512p: 5, 10 s; 768p: 5, 10 s; 1080p: 5 s); or add --stitch to chain 5-second clips into one 10-second video.", error.Trim());
        Assert.Null(simulator);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task An_unknown_camera_move_names_the_allowed_ones()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat", "--camera", "orbit", "--out", Out);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --camera 'orbit' is not a camera move; allowed: truck-left, truck-right, pan-left", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_task_ends_with_exit_code_5_and_the_providers_words()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat #sim-fail", "--out", Out);

        Assert.Equal(5, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task A_content_policy_failure_says_so()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--provider", "minimax", "--prompt", "A cat #sim-content-policy", "--out", Out);

        Assert.Equal(5, exit);
        Assert.Contains("1026", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat #sim-fail", "--out", Out, "--verbose");

        Assert.Equal(5, exit);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_clip_still_arrives()
    {
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await CliRun.Run(o => o.RequestsPerMinute = 2, s => simulator = s, "generate", "--sim", "--prompt", "A cat", "--out", Out);

        Assert.True(exit == 0, error);
        Assert.Contains(simulator!.Admin.Journal, e => e.Status == (int)HttpStatusCode.TooManyRequests);
        Assert.Single(simulator.Admin.Tasks);
        Assert.True(File.Exists(Out));
    }

    [Fact]
    public async Task A_local_first_frame_is_checked_and_sent_as_a_data_url()
    {
        var image = Path.Combine(_directory, "frame.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(640, 360));
        HailuoSimulator? simulator = null;

        var (exit, output, error) = await CliRun.Run(null, s => simulator = s, "generate", "--sim", "--prompt", "The product turns", "--first-frame", image, "--out", Out);

        Assert.True(exit == 0, error);
        Assert.Contains("image-to-video", output, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", SubmitBody(simulator!).GetProperty("first_frame_image").GetString(), StringComparison.Ordinal);
        Assert.Equal(Contracts.VideoMode.ImageToVideo, Assert.Single(simulator!.Admin.Tasks).Mode);
    }

    [Fact]
    public async Task A_local_image_that_breaks_the_rules_is_refused_naming_the_rule()
    {
        var image = Path.Combine(_directory, "small.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(300, 300));

        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "x", "--first-frame", image, "--out", Out);

        Assert.Equal(2, exit);
        Assert.Contains("--first-frame", error, StringComparison.Ordinal);
        Assert.Contains("300", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_or_sim_one_line_says_what_to_do()
    {
        Environment.SetEnvironmentVariable("MINIMAX_API_KEY", null);

        var (exit, _, error) = await CliRun.Run("generate", "--provider", "minimax", "--prompt", "A cat", "--out", Out);

        Assert.Equal(3, exit);
        Assert.Equal("error: no API key: set MINIMAX_API_KEY, or add --sim to run against the embedded simulator.", error.Trim());
    }

    [Fact]
    public async Task Cancelling_stops_cleanly_with_exit_code_130()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var plain = CliConsole.Plain(output, error);
        var console = new CliConsole(plain.Output, plain.Error) { SimulatorStarted = _ => cancel.Cancel() };

        var exit = await CliApp.RunAsync(new[] { "generate", "--sim", "--prompt", "A cat", "--out", Out }, console, cancel.Token);

        Assert.Equal(130, exit);
        Assert.Equal("error: cancelled.", error.ToString().Trim());
        Assert.False(File.Exists(Out));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static System.Text.Json.JsonElement SubmitBody(HailuoSimulator simulator) =>
        System.Text.Json.JsonDocument.Parse(Assert.Single(simulator.Admin.Journal, e => e.Endpoint == SimulatorEndpoint.Submit).Body).RootElement;
}
