using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer.ContractSnapshots;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

public sealed class ContractSnapshotTests : IDisposable
{
    /// <summary>Looks like a real key, so the key patterns would catch it too; the recordings must hold no trace of it.</summary>
    private const string TeamKey = "sk-ContractTeamKey0123456789ABCDEF";

    private readonly string _folder = Directory.CreateTempSubdirectory("hailuo-contract-").FullName;

    public static TheoryData<string, bool> Providers => new() { { "APIMart", true }, { "MiniMax", false } };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Recording_the_simulator_then_verifying_against_it_reports_no_drift(string providerName, bool spendCheapest)
    {
        var provider = HailuoSpec.Providers.Single(p => p.Name == providerName);
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { TeamKey } });

        var recorded = await RecordAsync(sim, sim.BaseAddress, provider, spendCheapest);
        var report = await ContractVerifier.VerifyAsync(_folder);

        Assert.Empty(recorded.Problems);
        var expected = ContractProbes.Free(provider).Count + (spendCheapest ? 2 : 0);
        Assert.Equal(expected, recorded.Files.Count);
        Assert.Equal(expected, report.Exchanges.Count);
        Assert.True(report.Drifts.Count == 0, report.Describe());
    }

    [Fact]
    public async Task A_stand_in_that_differs_in_three_ways_shows_exactly_those_three_drifts_each_naming_its_exchange_and_field()
    {
        var provider = HailuoSpec.ApiMart;
        var unknownTask = ContractProbes.Free(provider).Single(p => p.Name == "unknown-task").PathAndQuery;
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { TeamKey } });
        using var standIn = StandIn.Over(sim, (line, key, status, body) =>
        {
            if (key == ContractProbes.WrongKey)
            {
                return 403;
            }

            if (line.EndsWith(unknownTask, StringComparison.Ordinal) && body?["error"] is JsonObject error)
            {
                error["msg"] = error["message"]!.DeepClone();
                error.Remove("message");
            }
            else if (body?["data"] is JsonObject { } data && data["status"]?.GetValue<string>() == "completed")
            {
                data["status"] = "rendered";
            }

            return status;
        });

        await RecordAsync(sim, standIn.BaseAddress, provider, spendCheapest: true);
        var report = await ContractVerifier.VerifyAsync(_folder, "apimart");

        var drifts = report.Drifts.Select(d => (d.Exchange, d.Field)).Order().ToArray();
        Assert.True(
            drifts.SequenceEqual(new[] { ("02-wrong-key", "HTTP status"), ("03-unknown-task", "body.error.msg"), ("05-render-status", "body.data.status") }),
            report.Describe());
        var text = report.Describe();
        Assert.Contains("- HTTP status: recorded 403, simulator 401", text, StringComparison.Ordinal);
        Assert.Contains("- body.error.msg: recorded field 'msg' (string), simulator sends 'message' instead", text, StringComparison.Ordinal);
        Assert.Contains("status word 'rendered' (not in the spec's ApiMart status words: submitted, pending", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_key_bearer_token_or_url_signature_reaches_a_recorded_file()
    {
        var provider = HailuoSpec.ApiMart;
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { TeamKey } });
        using var standIn = StandIn.Over(sim, (line, key, status, body) =>
        {
            // A careless API: it echoes the key and hands out a signed storage URL with a key in it.
            if (body is JsonObject answer && key == TeamKey)
            {
                answer["echo"] = $"Authorization: Bearer {key}";
                answer["note"] = $"your key {key} is fine";
                answer["download_url"] = $"https://cdn.example.com/v.mp4?X-Amz-Credential=AKIA123&X-Amz-Signature=deadbeefcafe&api_key={key}&expires=1767312015";
            }

            return status;
        });

        var recorded = await RecordAsync(sim, standIn.BaseAddress, provider, spendCheapest: true);

        Assert.Equal(ContractProbes.Free(provider).Count + 2, recorded.Files.Count);
        foreach (var file in recorded.Files)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(TeamKey, text, StringComparison.Ordinal);
            Assert.DoesNotMatch("(?i)bearer (?!<scrubbed>)", text);
            Assert.DoesNotContain("Authorization\"", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("deadbeefcafe", text, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIA123", text, StringComparison.Ordinal);
        }

        var status = await File.ReadAllTextAsync(recorded.Files.Single(f => f.EndsWith("render-status.json", StringComparison.Ordinal)));
        Assert.Contains("sig=<scrubbed>", status, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=<scrubbed>", status, StringComparison.Ordinal);
        Assert.Contains("expires=1767312015", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_written_outside_the_out_folder()
    {
        var parent = Directory.CreateTempSubdirectory("hailuo-contract-parent-").FullName;
        var output = Path.Combine(parent, "nested", "out");
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { TeamKey } });

        var recorded = await ContractRecorder.RecordAsync(Options(sim, sim.BaseAddress, HailuoSpec.MiniMax, false, output));

        var everything = Directory.EnumerateFiles(parent, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(recorded.Files.Order(StringComparer.Ordinal), everything);
        Assert.All(everything, f => Assert.Equal(output, Path.GetDirectoryName(f)));
        Directory.Delete(parent, recursive: true);
    }

    [Theory]
    [InlineData("seeds/apimart")]
    [InlineData("seeds/minimax")]
    [InlineData("simulator/apimart")]
    [InlineData("simulator/minimax")]
    public async Task The_recordings_kept_in_the_repository_verify_against_the_simulator(string folder)
    {
        var report = await ContractVerifier.VerifyAsync(Path.Combine(RepositoryRoot.Path, "tests", "contracts", folder));

        Assert.NotEmpty(report.Exchanges);
        Assert.True(report.Drifts.Count == 0, report.Describe());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<ContractRecordResult> RecordAsync(HailuoSimulator sim, Uri baseUrl, ProviderInfo provider, bool spendCheapest)
    {
        var driver = sim.CreateClockDriver();
        return driver.RunAsync(ContractRecorder.RecordAsync(Options(sim, baseUrl, provider, spendCheapest, _folder, driver)));
    }

    private static ContractRecordOptions Options(HailuoSimulator sim, Uri baseUrl, ProviderInfo provider, bool spendCheapest, string folder, TimeProvider? clock = null) => new()
    {
        Provider = provider,
        BaseUrl = baseUrl,
        ApiKey = TeamKey,
        OutFolder = folder,
        SpendCheapest = spendCheapest,
        Clock = clock ?? sim.Clock,
    };
}
