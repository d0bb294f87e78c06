using System.Diagnostics;
using System.Text.Json.Nodes;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests.RealClients;

/// <summary>
/// MiniMax's own JavaScript client (npm minimax-mcp-js, pinned in tools/minimax-mcp-js, installed by `bash build.sh test`),
/// started through its own bin as an MCP server on stdio and driven with JSON-RPC, the way an MCP host runs it.
/// </summary>
internal sealed class MiniMaxMcpJs : IAsyncDisposable
{
    public const string Version = "0.0.18";

    // A hang guard for a broken install, not a timing: each call returns in well under a second here.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private int _id;

    private MiniMaxMcpJs(Process process) => _process = process;

    public static string Entry => Path.Combine(RepositoryRoot.Path, "tools", "minimax-mcp-js", "node_modules", "minimax-mcp-js", "build", "index.js");

    /// <summary>Starts the client with its documented settings: the key, the API host, where files go, and local files rather than URLs.</summary>
    public static async Task<MiniMaxMcpJs> StartAsync(string apiHost, string apiKey, string basePath)
    {
        if (!File.Exists(Entry))
        {
            throw new InvalidOperationException($"MiniMax's client is missing ({Entry}). Run `bash build.sh test`, or `npm ci --prefix tools/minimax-mcp-js`.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Entry);
        start.Environment["MINIMAX_API_KEY"] = apiKey;
        start.Environment["MINIMAX_API_HOST"] = apiHost;
        start.Environment["MINIMAX_MCP_BASE_PATH"] = basePath;
        start.Environment["MINIMAX_RESOURCE_MODE"] = "local";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var client = new MiniMaxMcpJs(process);
        await client.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2024-11-05",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "hailuo-tests", ["version"] = "1.0" },
        });
        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
        return client;
    }

    /// <summary>Calls one of its tools and returns the text it answers with (its success line or its own error message).</summary>
    public async Task<string> CallToolAsync(string tool, JsonObject arguments)
    {
        var result = await RequestAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments });
        return string.Join("\n", result["content"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<JsonNode> RequestAsync(string method, JsonObject parameters)
    {
        var id = ++_id;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"minimax-mcp-js exited (code {(_process.HasExited ? _process.ExitCode : -1)}) before answering {method}.");
            if (JsonNode.Parse(line) is JsonObject message && message["id"]?.GetValue<int>() == id)
            {
                return message["result"] ?? throw new InvalidOperationException($"minimax-mcp-js answered {method} with an error: {message["error"]?.ToJsonString()}");
            }
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        await _process.StandardInput.WriteLineAsync(message.ToJsonString());
        await _process.StandardInput.FlushAsync();
    }
}
