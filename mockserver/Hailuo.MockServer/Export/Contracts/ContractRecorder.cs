using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>
/// `contract record`: sends the probes through a loopback WireMock.Net server in proxy-and-record mode, which saves each
/// exchange as a mapping file through <see cref="RecordingFolder"/> (scrubbed, inside --out only).
/// </summary>
public static class ContractRecorder
{
    /// <summary>Request headers the saved mappings leave out: credentials, and what only says which machine sent the probe.</summary>
    private static readonly string[] ExcludedHeaders = SecretRules.CredentialHeaders
        .Concat(new[] { "Host", "Content-Length", "User-Agent", "Accept-Encoding", "Connection", "Expect", "traceparent", "tracestate" })
        .ToArray();

    /// <summary>Records the probes; throws <see cref="ContractInputException"/> before sending anything when the input cannot work.</summary>
    public static async Task<ContractRecordResult> RecordAsync(ContractRecordOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider;
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ContractInputException($"no API key: set {provider.ApiKeyEnvironmentVariable} to the key the probes are sent with (it is scrubbed from every recording).");
        }

        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ContractInputException($"--base-url '{options.BaseUrl}' must be an absolute http(s) URL, such as {provider.BaseUrl}.");
        }

        CheapestRender? render = null;
        if (options.SpendCheapest)
        {
            render = CheapestRender.Find(provider)
                ?? (options.AllowUnpublishedPrice ? CheapestRender.Shortest(provider) : null)
                ?? throw new ContractInputException($"--spend-cheapest: the spec publishes no price for any {provider.Name} text-to-video clip, so its cost cannot be stated; nothing was sent.");
            options.Log(render.Describe(provider) + "; sending it after the free probes.");
        }

        await EnsureListeningAsync(options, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(options.OutFolder);
        var earlier = RecordingFolder.RemoveEarlierRecordings(options.OutFolder);
        if (earlier > 0)
        {
            options.Log($"removed {earlier} earlier recordings from {options.OutFolder}");
        }

        var folder = new RecordingFolder(options.OutFolder, provider.Name, options.ApiKey);
        var problems = new List<string>();
        using var proxy = WireMockServer.Start(ProxySettings(options, folder));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(proxy.Url!) };
            var session = new Session(options, folder, http, problems);
            var index = 1;
            foreach (var probe in ContractProbes.Free(provider))
            {
                await session.SendAsync(index++, probe, cancellationToken).ConfigureAwait(false);
            }

            if (render is not null)
            {
                await RenderAsync(session, index, render, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            proxy.Stop();
        }

        problems.AddRange(folder.Refused);
        return new ContractRecordResult(folder.Folder, folder.Written, problems);
    }

    private static WireMockServerSettings ProxySettings(ContractRecordOptions options, RecordingFolder folder)
    {
        var settings = HailuoServerSettings.Create(new SimulatorOptions());
        settings.StartAdminInterface = false;
        settings.DisableJsonBodyParsing = false;
        settings.FileSystemHandler = folder;
        settings.Logger = new WireMockNullLogger();
        settings.ProxyAndRecordSettings = new ProxyAndRecordSettings
        {
            Url = options.BaseUrl.ToString().TrimEnd('/'),
            ProxyAll = true,

            // To file only: a mapping kept in memory would answer the next identical status poll instead of the API.
            SaveMapping = false,
            SaveMappingToFile = true,
            ExcludedHeaders = ExcludedHeaders,
            ExcludedCookies = Array.Empty<string>(),
        };
        return settings;
    }

    /// <summary>Fails in one line, before anything is written, when nothing listens at the base URL.</summary>
    private static async Task EnsureListeningAsync(ContractRecordOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(options.BaseUrl.DnsSafeHost, options.BaseUrl.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is SocketException socket ? socket.Message : $"no connection within {options.ConnectTimeout.TotalSeconds:0} s";
            throw new ContractInputException($"--base-url {options.BaseUrl} cannot be reached ({why}); nothing was sent or written.");
        }
    }

    private static async Task RenderAsync(Session session, int index, CheapestRender render, CancellationToken cancellationToken)
    {
        var provider = session.Options.Provider;
        var dialect = ContractProbes.DialectOf(provider);
        var submit = ContractProbes.Line("render-submit", dialect.Submit, render.Body(provider), ProbeKey.Account);
        var submitted = await session.SendAsync(index++, submit, cancellationToken).ConfigureAwait(false);
        if (AnswerText.Find(submitted, "task_id") is not { } taskId)
        {
            session.Problems.Add($"render-submit: the answer names no task_id, so the render's status cannot be recorded: {submitted?.ToJsonString()}");
            return;
        }

        var status = ContractProbes.Line("render-status", ContractProbes.Fill(dialect.Status, taskId), null, ProbeKey.Account);
        var limit = session.Options.RenderLimit ?? HailuoSpec.Tasks.LongestRender * 2;
        var started = session.Options.Clock.GetUtcNow();
        JsonNode? answer;
        while (true)
        {
            answer = await session.SendAsync(index, status, cancellationToken).ConfigureAwait(false);
            var word = AnswerText.Find(answer, "status");
            var meaning = dialect.StatusMeaning(word);
            if (meaning is null or "completed" or "failed" or "cancelled")
            {
                session.Options.Log($"render-status: '{word}' ({meaning ?? "not a status word of the spec"}): recorded.");
                break;
            }

            if (session.Options.Clock.GetUtcNow() - started >= limit)
            {
                session.Options.Log($"render-status: still '{word}' after {limit.TotalSeconds:0} s; recorded as it stands.");
                break;
            }

            await Task.Delay(HailuoSpec.Tasks.PollInterval, session.Options.Clock, cancellationToken).ConfigureAwait(false);
        }

        if (dialect.FileRetrieve is { } retrieve && AnswerText.Find(answer, "file_id") is { } fileId)
        {
            await session.SendAsync(index + 1, ContractProbes.Line("render-file", ContractProbes.Fill(retrieve, fileId), null, ProbeKey.Account), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends probes one at a time through the proxy, and checks that each one's answer was saved.</summary>
    private sealed class Session(ContractRecordOptions options, RecordingFolder folder, HttpClient http, List<string> problems)
    {
        public ContractRecordOptions Options => options;

        public List<string> Problems => problems;

        public async Task<JsonNode?> SendAsync(int index, ContractProbe probe, CancellationToken cancellationToken)
        {
            folder.Expect(index, probe);
            var before = folder.WritesOf(index, probe);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.PathAndQuery.TrimStart('/'));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", probe.Key == ProbeKey.Wrong ? ContractProbes.WrongKey : options.ApiKey);
            if (probe.Body is not null)
            {
                request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var file = Path.Combine(folder.Folder, RecordingFolder.FileName(index, probe));
            if (folder.WritesOf(index, probe) == before)
            {
                // WireMock.Net answers 500 with the reason when its call to the API failed, and saves nothing.
                var reason = SecretRules.Clean(text.Split('\n')[0], options.ApiKey).Text;
                problems.Add($"{probe}: no answer came back through the proxy from {options.BaseUrl} (HTTP {(int)response.StatusCode}: {reason}); {file} was not written.");
                return null;
            }

            options.Log($"{Path.GetFileNameWithoutExtension(file)}: HTTP {(int)response.StatusCode} -> {file}");
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
