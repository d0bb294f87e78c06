using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>Bad film input gets one clear line before any request: a pinned take not in the ledger, --redo out of range, --draft with nothing cheaper, a wrong --base-url.</summary>
public sealed class FilmInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-film-input").FullName;

    private string Out => Path.Combine(_directory, "film.mp4");

    [Theory]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "resolution": "768p", "duration": 5, "shots": [ { "prompt": "x", "take": 3 } ] }""", "", "error: shots[0].take is 3, but the ledger holds no take of it yet for shot 1 as written; remove the pin to use the newest take.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "resolution": "768p", "duration": 5, "shots": [ { "prompt": "x" }, { "prompt": "y" } ] }""", "--redo 3", "error: --redo 3 names no shot: the storyboard has 2 shots; allowed: 1 to 2.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-03", "resolution": "768p", "duration": 5, "shots": [ { "prompt": "x" } ] }""", "--draft", "error: --draft: a draft needs a cheaper resolution and duration, but the storyboard's 768p 5 s ($0.20) is already the cheapest that MiniMax-Hailuo-03 on APIMart allows for text-to-video; allowed: 768p 5 s ($0.20); 768p 10 s ($0.40); 1080p 5 s ($0.40). Nothing was rendered; make the final instead.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "shots": [ { "prompt": "x" } ] }""", "--base-url http://127.0.0.1:5080", "error: --base-url 'http://127.0.0.1:5080' cannot be used with --sim: --sim runs its own simulator; to use a standalone one (`hailuo sim`), drop --sim and keep --base-url.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "shots": [ { "prompt": "x", "take": "best" } ] }""", "", "error: storyboard.json: 'shots[0].take' is \"best\" (line 1); it must be a take number, 1 or more.")]
    public async Task Bad_film_input_gets_one_line_and_no_request(string json, string options, string expected)
    {
        var file = Path.Combine(_directory, "storyboard.json");
        File.WriteAllText(file, json);
        HailuoSimulator? simulator = null;

        var (exit, output, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s },
            ["story", file, "--sim", "--out", Out, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(2, exit);
        Assert.Equal(expected, error.Trim());
        Assert.Empty(output);
        Assert.Null(simulator);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task Base_url_that_is_not_an_http_url_is_refused_on_generate_before_the_key_is_read()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--prompt", "A cat", "--base-url", "ftp://gateway", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Equal("error: --base-url 'ftp://gateway' is not an absolute http(s) URL, such as http://127.0.0.1:5080.", error.Trim());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
