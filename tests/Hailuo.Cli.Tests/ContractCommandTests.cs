using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hailuo.MockServer;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

public sealed class ContractCommandTests : IDisposable
{
    private const string Key = "sk-ContractCliKey0123456789ABCDEFGH";

    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-contract-cli").FullName;

    private static string Seeds(string provider) => Path.Combine(RepositoryRoot.Path, "tests", "contracts", "seeds", provider);

    [Fact]
    public async Task Record_without_a_key_says_which_variable_to_set_in_one_line_and_writes_nothing()
    {
        var output = Path.Combine(_directory, "out");

        var (exit, _, error) = await Run(_ => null, "contract", "record", "--provider", "minimax", "--out", output);

        Assert.Equal(ExitCodes.Authentication, exit);
        Assert.Equal("error: no API key: set MINIMAX_API_KEY to the key the probes are sent with (it is scrubbed from every recording), or add --sim.", error.TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Record_at_an_unreachable_base_url_names_it_in_one_line_and_writes_nothing()
    {
        var output = Path.Combine(_directory, "out");
        var closed = $"http://127.0.0.1:{ClosedPort()}/";

        var (exit, _, error) = await Run(_ => Key, "contract", "record", "--provider", "apimart", "--base-url", closed, "--out", output);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.StartsWith($"error: --base-url {closed} cannot be reached (", error, StringComparison.Ordinal);
        Assert.EndsWith("nothing was sent or written.", error.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.TrimEnd());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Record_takes_the_key_from_the_environment_and_scrubs_it_then_verify_finds_no_drift()
    {
        var output = Path.Combine(_directory, "out");
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { Key } });

        var (recordExit, recordOutput, recordError) = await Run(name => name == "MINIMAX_API_KEY" ? Key : null, "contract", "record", "--provider", "minimax", "--base-url", sim.BaseAddress.ToString(), "--out", output);
        var (verifyExit, verifyOutput, verifyError) = await Run(_ => null, "contract", "verify", output);

        Assert.True(recordExit == ExitCodes.Success, recordError);
        Assert.Contains($"recorded 4 exchanges in {output}", recordOutput, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(output), f => Assert.DoesNotContain(Key, File.ReadAllText(f), StringComparison.Ordinal));
        Assert.True(verifyExit == ExitCodes.Success, verifyError + verifyOutput);
        Assert.EndsWith("no drift", verifyOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_prints_the_drifting_exchange_and_field_and_exits_12()
    {
        var folder = Copy(Seeds("apimart"));
        var status = Path.Combine(folder, "02-task-status-completed.json");
        File.WriteAllText(status, File.ReadAllText(status).Replace("\"completed\"", "\"success\"", StringComparison.Ordinal));

        var (exit, output, _) = await Run(_ => null, "contract", "verify", folder);

        Assert.Equal(ExitCodes.ContractDrift, exit);
        Assert.Contains("DRIFT 02-task-status-completed  GET /v1/tasks/task_01K8SGYNNNVBQTXNR4MM964S7K", output, StringComparison.Ordinal);
        Assert.Contains("- body.data.status: recorded status word 'success' (completed), simulator status word 'completed' (completed)", output, StringComparison.Ordinal);
        Assert.Contains("ok    01-seed-003-submit", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_on_an_empty_folder_names_it_in_one_line()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;

        var (exit, _, error) = await Run(_ => null, "contract", "verify", empty);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"error: {empty} is empty; record one with `hailuo contract record --provider apimart|minimax --out {empty}`.", error.TrimEnd());
    }

    [Fact]
    public async Task Verify_on_a_folder_without_recordings_names_it_in_one_line()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_directory, "foreign")).FullName;
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "not a recording");

        var (exit, _, error) = await Run(_ => null, "contract", "verify", foreign);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"error: {foreign} holds no *.json recording (only other files); record one with `hailuo contract record --provider apimart|minimax --out {foreign}`.", error.TrimEnd());
    }

    [Fact]
    public async Task Verify_on_a_mapping_this_tool_did_not_record_names_the_file()
    {
        var (folder, file) = EditedSeed(mapping => mapping.Remove("Data"));

        var (exit, _, error) = await Run(_ => null, "contract", "verify", folder);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"error: {file}: not a contract recording (no Data.hailuoContract); make recordings with `hailuo contract record`.", error.TrimEnd());
    }

    [Fact]
    public async Task Verify_refuses_a_recording_that_still_holds_a_secret_naming_the_file_and_field()
    {
        var (folder, file) = EditedSeed(mapping => mapping["Request"]!["Headers"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Authorization",
            ["Matchers"] = new JsonArray(new JsonObject { ["Name"] = "ExactMatcher", ["Pattern"] = "Bearer " + Key }),
        }));

        var (exit, output, error) = await Run(_ => null, "contract", "verify", folder);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"error: {file}: still holds a secret at Request.Headers[Authorization] (a credential header); delete the file and record again (contract record scrubs secrets before writing).", error.TrimEnd());
        Assert.DoesNotContain(Key, error + output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(CliConsole.Plain(output, TextWriter.Null).Output, error) { EnvironmentVariable = environment };
        var exit = await CliApp.RunAsync(args, console);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A loopback port nothing listens on: bound once to get a free one, then closed.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A copy of the MiniMax seed recordings with its submit mapping edited.</summary>
    private (string Folder, string File) EditedSeed(Action<JsonObject> edit)
    {
        var folder = Copy(Seeds("minimax"));
        var file = Path.Combine(folder, "01-submit.json");
        var mapping = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        edit(mapping);
        File.WriteAllText(file, mapping.ToJsonString());
        return (folder, file);
    }

    private string Copy(string source)
    {
        var target = Directory.CreateDirectory(Path.Combine(_directory, Path.GetFileName(source))).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
