using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hailuo.Contracts;
using Hailuo.MockServer.WireMock;
using Xunit;

namespace Hailuo.WireMock.Tests.Export;

/// <summary>WireMock's format: only the part that WireMock.Net's importer reads alike, and the simulator's own answers.</summary>
public sealed partial class FormatTests : IDisposable
{
    private static readonly string[] Top = { "name", "priority", "scenarioName", "requiredScenarioState", "newScenarioState", "request", "response" };
    private static readonly string[] Request = { "method", "urlPath", "urlPathPattern", "headers", "queryParameters", "bodyPatterns" };
    private static readonly string[] Response = { "status", "headers", "jsonBody", "bodyFileName" };
    private static readonly string[] Matchers = { "equalTo", "matches" };

    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-export").FullName;

    [Fact]
    public async Task Mappings_use_only_fields_and_matchers_that_WireMock_Net_reads_from_WireMock_JSON()
    {
        var export = await WireMockExport.WriteAsync(_directory);

        foreach (var (file, mapping) in Mappings(export))
        {
            Assert.All(mapping.AsObject(), p => Assert.Contains(p.Key, Top));
            var request = mapping["request"]!.AsObject();
            Assert.All(request, p => Assert.Contains(p.Key, Request));
            Assert.True(request.ContainsKey("urlPath") ^ request.ContainsKey("urlPathPattern"), file);
            Assert.True((request["bodyPatterns"]?.AsArray().Count ?? 0) <= 1, file);
            var matchers = new[] { request["headers"], request["queryParameters"] }.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Value!.AsObject()))
                .Concat(request["bodyPatterns"]?.AsArray().Select(b => b!.AsObject()) ?? Enumerable.Empty<JsonObject>());
            Assert.All(matchers, m => Assert.Contains(Assert.Single(m).Key, Matchers));
            var response = mapping["response"]!.AsObject();
            Assert.All(response, p => Assert.Contains(p.Key, Response));
            Assert.All(response["headers"]!.AsObject(), h => Assert.Equal(System.Text.Json.JsonValueKind.String, h.Value!.GetValueKind()));
            if (response["bodyFileName"] is { } body)
            {
                Assert.True(File.Exists(Path.Combine(export.Directory, "__files", body.GetValue<string>())), file);
            }
        }
    }

    [Fact]
    public async Task Every_pattern_is_anchored_so_Javas_whole_value_match_and_dotnets_search_agree()
    {
        var export = await WireMockExport.WriteAsync(_directory);

        var patterns = Mappings(export).SelectMany(m => Patterns(m.Mapping)).Distinct().ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.Matches(@"^(\(\?[a-z]+\))?\^.*\$$", p));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Each_prompt_picks_exactly_one_submit_stub_the_one_of_its_marker(WireDialect dialect)
    {
        var export = await WireMockExport.WriteAsync(_directory);
        var submits = Mappings(export)
            .Where(m => m.File.StartsWith(Prefix(dialect), StringComparison.Ordinal) && m.Mapping["request"]!["bodyPatterns"] is not null)
            .Select(m => (Scenario: m.Mapping["scenarioName"]!.GetValue<string>(), Pattern: m.Mapping["request"]!["bodyPatterns"]![0]!["matches"]!.GetValue<string>()))
            .ToList();

        foreach (var scenario in export.Scenarios.Where(s => s.Dialect == dialect))
        {
            var prompt = "A cat\non the grass " + scenario.PromptMarker?.ToUpperInvariant();
            var body = new JsonObject { ["model"] = "MiniMax-Hailuo-02", ["prompt"] = prompt }.ToJsonString();

            var picked = submits.Where(s => Regex.IsMatch(body, s.Pattern)).Select(s => s.Scenario);

            Assert.Equal(scenario.Name, Assert.Single(picked.Distinct()));
        }
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task The_lifecycle_stubs_answer_what_a_simulator_answers_at_each_phase(WireDialect dialect)
    {
        var export = await WireMockExport.WriteAsync(_directory);
        var stubs = Mappings(export).Where(m => m.File.StartsWith(Prefix(dialect) + "-lifecycle-0", StringComparison.Ordinal) && m.File.Contains("-poll-", StringComparison.Ordinal))
            .Select(m => Normalised(m.Mapping["response"]!["jsonBody"]!)).ToList();

        var simulated = await SimulatorAnswers.LifecycleAsync(dialect);

        Assert.Equal(4, stubs.Count);
        Assert.Equal(simulated.Select(Normalised), stubs);
    }

    [Fact]
    public void Videos_written_by_the_blocking_form_are_real_mp4_files_of_the_length_the_file_object_states()
    {
        var export = WireMockExport.Write(_directory);
        var file = Mappings(export).Single(m => m.File.EndsWith("minimax-lifecycle-06-file.json", StringComparison.Ordinal)).Mapping;

        var video = File.ReadAllBytes(Path.Combine(export.Directory, "__files", "minimax-lifecycle.mp4"));

        Assert.Equal("ftyp", Encoding.ASCII.GetString(video, 4, 4));
        Assert.Equal(video.Length, file["response"]!["jsonBody"]!["file"]!["bytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_base_url_that_is_not_absolute_http_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WireMockExport.WriteAsync(_directory, new WireMockExportOptions { BaseUrl = new Uri("ftp://example.com/") }));

        Assert.Contains("absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Prefix(WireDialect dialect) => Path.Combine("mappings", dialect == WireDialect.ApiMart ? "apimart" : "minimax");

    private static IEnumerable<(string File, JsonNode Mapping)> Mappings(WireMockExportResult export) => export.Files
        .Where(f => Path.GetDirectoryName(f) == "mappings" && f.EndsWith(".json", StringComparison.Ordinal))
        .Select(f => (f, JsonNode.Parse(File.ReadAllText(Path.Combine(export.Directory, f)))!));

    private static IEnumerable<string> Patterns(JsonNode mapping)
    {
        var request = mapping["request"]!;
        var matchers = new[] { request["headers"], request["queryParameters"] }.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Value!))
            .Concat(request["bodyPatterns"]?.AsArray().Select(b => b!) ?? Enumerable.Empty<JsonNode>());
        var patterns = matchers.Select(m => m["matches"]?.GetValue<string>()).OfType<string>();
        return request["urlPathPattern"] is { } path ? patterns.Append(path.GetValue<string>()) : patterns;
    }

    /// <summary>Signatures are keyed per simulator and ids numbered per task: compare everything else.</summary>
    private static string Normalised(JsonNode body) => Ids().Replace(Signature().Replace(body.ToJsonString(), "sig=*"), "<id>");

    [GeneratedRegex("sig=[0-9a-f]+")]
    private static partial Regex Signature();

    [GeneratedRegex(@"task_[0-9A-Z]{26}|[23]0{10,}[1-9][0-9]*")]
    private static partial Regex Ids();
}
