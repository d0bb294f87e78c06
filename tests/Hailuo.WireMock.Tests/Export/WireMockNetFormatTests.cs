using System.Text.Json.Nodes;
using Hailuo.MockServer.WireMock;
using Xunit;

namespace Hailuo.WireMock.Tests.Export;

/// <summary>WireMock.Net's own format: the same stubs as WireMock's, with scenarios and priorities WireMock.Net keeps.</summary>
public sealed class WireMockNetFormatTests : IDisposable
{
    private static readonly string NetFolder = Path.Combine("__admin", "mappings");

    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-export-net").FullName;

    [Fact]
    public async Task Every_WireMock_mapping_has_a_twin_with_the_same_request_answer_and_priority()
    {
        var export = await WireMockExport.WriteAsync(_directory);

        var pairs = Pairs(export).ToList();

        Assert.Equal(export.Files.Count(f => Path.GetDirectoryName(f) == "mappings"), pairs.Count);
        foreach (var (file, java, net) in pairs)
        {
            Assert.Equal((string)java["name"]!, (string)net["Title"]!);
            Assert.Equal((int)java["priority"]!, (int)net["Priority"]!);
            var (request, netRequest) = (java["request"]!, net["Request"]!);
            Assert.Equal((string)request["method"]!, Assert.Single(netRequest["Methods"]!.AsArray())!.GetValue<string>());
            var path = Assert.Single(netRequest["Path"]!["Matchers"]!.AsArray())!;
            Assert.Equal(request["urlPath"] is null ? Matcher("matches", request["urlPathPattern"]!) : Matcher("equalTo", request["urlPath"]!), Matcher(path));
            Assert.Equal(Named(request["headers"]), NetNamed(netRequest["Headers"]));
            Assert.Equal(Named(request["queryParameters"]), NetNamed(netRequest["Params"]));
            Assert.Equal(request["bodyPatterns"]?[0] is { } body ? Matcher(body) : default, netRequest["Body"]?["Matcher"] is { } netBody ? Matcher(netBody) : default);
            var (response, netResponse) = (java["response"]!, net["Response"]!);
            Assert.Equal((int)response["status"]!, (int)netResponse["StatusCode"]!);
            Assert.True(JsonNode.DeepEquals(response["headers"], netResponse["Headers"]), file);
            Assert.True(JsonNode.DeepEquals(response["jsonBody"], netResponse["BodyAsJson"]), file);
            if (response["bodyFileName"] is { } video)
            {
                var javaBytes = File.ReadAllBytes(Path.Combine(export.Directory, "__files", (string)video!));
                Assert.Equal(javaBytes, File.ReadAllBytes(Path.Combine(export.Directory, NetFolder, (string)netResponse["BodyAsFile"]!)));
            }
        }
    }

    [Fact]
    public async Task Scenario_steps_are_written_the_way_WireMock_Net_moves_a_scenario()
    {
        var export = await WireMockExport.WriteAsync(_directory);

        foreach (var (file, java, net) in Pairs(export).Where(p => p.Java["scenarioName"] is not null))
        {
            var required = (string)java["requiredScenarioState"]!;
            Assert.Equal((string)java["scenarioName"]!, (string?)net["Scenario"]);

            // WireMock.Net starts a scenario with no state, where WireMock says Started.
            Assert.Equal(required == WireMockScenarioStates.Started ? null : required, (string?)net["WhenStateIs"]);

            // A mapping without SetStateTo would send WireMock.Net's scenario back to its start: staying is a move to the same state.
            var next = (string?)java["newScenarioState"] ?? required;
            Assert.True(next == WireMockScenarioStates.Started ? net["SetStateTo"] is null : (string?)net["SetStateTo"] == next, file);
        }
    }

    [Fact]
    public async Task Header_names_are_matched_ignoring_case_as_HTTP_and_WireMock_do()
    {
        var export = await WireMockExport.WriteAsync(_directory, new WireMockExportOptions { Formats = WireMockFormats.WireMockNet });

        var headers = Guids(export).Keys.SelectMany(f => Read(export, Path.Combine(NetFolder, f))["Request"]!["Headers"]?.AsArray() ?? []).ToList();

        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.True((bool?)h!["IgnoreCase"]));
    }

    [Fact]
    public async Task Mapping_ids_are_unique_and_the_same_in_every_export_so_a_new_export_replaces_the_old_mappings()
    {
        var first = await WireMockExport.WriteAsync(Path.Combine(_directory, "first"), new WireMockExportOptions { Formats = WireMockFormats.WireMockNet });
        var second = await WireMockExport.WriteAsync(Path.Combine(_directory, "second"), new WireMockExportOptions { Formats = WireMockFormats.WireMockNet });

        var ids = Guids(first);

        Assert.Equal(ids.Count, ids.Values.Distinct().Count());
        Assert.Equal(ids, Guids(second));
    }

    [Theory]
    [InlineData(WireMockFormats.WireMock, "mappings")]
    [InlineData(WireMockFormats.WireMockNet, "__admin")]
    public async Task One_format_writes_only_its_own_folders(WireMockFormats format, string folder)
    {
        await WireMockExport.WriteAsync(_directory, new WireMockExportOptions { Formats = format });

        var top = Directory.GetDirectories(_directory).Select(Path.GetFileName).ToList();

        Assert.Contains(folder, top);
        Assert.Equal(format == WireMockFormats.WireMock ? 2 : 1, top.Count);
    }

    [Fact]
    public async Task Only_mapping_files_sit_directly_in_WireMock_Nets_mapping_folder_which_it_reads_whole()
    {
        var export = await WireMockExport.WriteAsync(_directory, new WireMockExportOptions { Formats = WireMockFormats.WireMockNet });

        var direct = Directory.GetFiles(Path.Combine(export.Directory, NetFolder));

        Assert.NotEmpty(direct);
        Assert.All(direct, f => Assert.EndsWith(".json", f, StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(export.Directory, NetFolder, "__files"), "*.mp4"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task A_formats_value_that_names_no_format_is_refused_before_recording(int formats)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WireMockExport.WriteAsync(_directory, new WireMockExportOptions { Formats = (WireMockFormats)formats }));

        Assert.Contains($"Formats must be WireMock, WireMockNet or Both; it is '{formats}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IEnumerable<(string File, JsonNode Java, JsonNode Net)> Pairs(WireMockExportResult export) => export.Files
        .Where(f => Path.GetDirectoryName(f) == "mappings")
        .Select(f => (f, Read(export, f), Read(export, Path.Combine(NetFolder, Path.GetFileName(f)))));

    private static Dictionary<string, string> Guids(WireMockExportResult export) => export.Files
        .Where(f => f.EndsWith(".json", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetFileName(f), f => (string)Read(export, f)["Guid"]!);

    private static JsonNode Read(WireMockExportResult export, string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(export.Directory, file)))!;

    private static (string Kind, string Value) Matcher(string kind, JsonNode value) => (kind, (string)value!);

    /// <summary>WireMock's {"equalTo"|"matches": value}, or WireMock.Net's {"Name": "ExactMatcher"|"RegexMatcher", "Pattern": value}, in WireMock's words.</summary>
    private static (string Kind, string Value) Matcher(JsonNode matcher) => matcher["Name"] is { } name
        ? ((string)name! switch { "ExactMatcher" => "equalTo", "RegexMatcher" => "matches", var other => other }, (string)matcher["Pattern"]!)
        : Matcher(Assert.Single(matcher.AsObject()).Key, Assert.Single(matcher.AsObject()).Value!);

    private static List<(string, (string, string))> Named(JsonNode? members) =>
        members?.AsObject().Select(p => (p.Key, Matcher(p.Value!))).ToList() ?? [];

    private static List<(string, (string, string))> NetNamed(JsonNode? list) =>
        list?.AsArray().Select(h => ((string)h!["Name"]!, Matcher(Assert.Single(h["Matchers"]!.AsArray())!))).ToList() ?? [];
}
