using Xunit;

namespace Hailuo.Cli.Tests;

public sealed class ModelsCostValidateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-cli").FullName;

    [Fact]
    public async Task Models_lists_every_model_with_its_matrix_and_prices()
    {
        var (exit, output, _) = await CliRun.Run("models");

        Assert.Equal(0, exit);
        foreach (var provider in Contracts.HailuoSpec.Providers)
        {
            foreach (var model in provider.Models)
            {
                Assert.Contains(model.Id, output, StringComparison.Ordinal);
            }
        }

        Assert.Contains("512p: 5, 10 s; 768p: 5, 10 s; 1080p: 5 s", output, StringComparison.Ordinal);
        Assert.Contains("1080p $0.08", output, StringComparison.Ordinal);
        Assert.Contains("512p unpublished", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_of_ten_1080p_clips_follows_the_spec_price()
    {
        var (exit, output, _) = await CliRun.Run("cost", "--model", "MiniMax-Hailuo-02", "--resolution", "1080p", "--duration", "5", "--count", "10");

        Assert.Equal(0, exit);
        Assert.Contains("MiniMax-Hailuo-02 on APIMart: 5 s at 1080p, $0.40 per clip", output, StringComparison.Ordinal);
        Assert.Contains("10 clips: $4.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_of_a_forbidden_pair_is_refused_with_what_is_allowed()
    {
        var (exit, _, error) = await CliRun.Run("cost", "--model", "MiniMax-Hailuo-02", "--resolution", "1080p", "--duration", "10");

        Assert.Equal(2, exit);
        Assert.Contains("allows 5 s at 1080p", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_names_the_providers_when_one_is_unknown()
    {
        var (exit, _, error) = await CliRun.Run("cost", "--provider", "replicate");

        Assert.Equal(2, exit);
        Assert.Equal("error: --provider 'replicate' is not a provider of the spec; allowed: apimart, minimax.", error.Trim());
    }

    [Fact]
    public async Task Validate_accepts_a_sound_request_file_and_prints_its_cost()
    {
        var file = Write("ok.json", """{ "model": "MiniMax-Hailuo-02", "prompt": "A cat [Pan left]", "resolution": "1080p", "duration": 5 }""");

        var (exit, output, _) = await CliRun.Run("validate", file);

        Assert.Equal(0, exit);
        Assert.Contains("valid for APIMart: MiniMax-Hailuo-02 text-to-video 1080p 5 s, estimated $0.40", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_each_problem_and_exits_2()
    {
        var file = Write("bad.json", """{ "model": "MiniMax-Hailuo-02", "prompt": "A cat [Orbit]", "resolution": "1080p", "duration": 10 }""");

        var (exit, output, error) = await CliRun.Run("validate", file);

        Assert.Equal(2, exit);
        Assert.Contains("duration: 'duration' is 10 at 1080p", output, StringComparison.Ordinal);
        Assert.Contains("prompt: 'prompt' camera bracket 1 '[Orbit]' has the unknown command 'Orbit'", output, StringComparison.Ordinal);
        Assert.Contains("has 2 problem(s) for APIMart", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_checks_against_the_chosen_provider()
    {
        var file = Write("minimax.json", """{ "model": "MiniMax-Hailuo-02", "prompt": "A cat", "resolution": "768P", "duration": 6 }""");

        Assert.Equal(0, (await CliRun.Run("validate", file, "--provider", "minimax")).Exit);
        Assert.Equal(2, (await CliRun.Run("validate", file, "--provider", "apimart")).Exit);
    }

    [Fact]
    public async Task Validate_points_at_broken_json()
    {
        var file = Write("broken.json", "{\n  \"model\": \"MiniMax-Hailuo-02\",\n  \"duration\": \"ten\"\n}");

        var (exit, _, error) = await CliRun.Run("validate", file);

        Assert.Equal(2, exit);
        Assert.Contains("'broken.json' is not a valid request at line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_missing_file_says_so()
    {
        var (exit, _, error) = await CliRun.Run("validate", Path.Combine(_directory, "nope.json"));

        Assert.Equal(8, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }
}
