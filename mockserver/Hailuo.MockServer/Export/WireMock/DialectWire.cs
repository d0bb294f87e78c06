using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.WireMock;

/// <summary>Where each dialect's requests go and where its answers keep task ids and URLs: the simulator's own routes.</summary>
internal sealed class DialectWire
{
    public static readonly DialectWire ApiMart = new(WireDialect.ApiMart, "apimart");
    public static readonly DialectWire MiniMax = new(WireDialect.MiniMax, "minimax");

    /// <summary>The query parameters that make a download URL genuine.</summary>
    private static readonly string[] SignedUrlParameters = { "expires", "sig" };

    private static readonly EndpointRoute DownloadLine = EndpointRoute.Parse(DownloadSigner.Endpoint);

    private DialectWire(WireDialect dialect, string prefix)
    {
        Dialect = dialect;
        Prefix = prefix;
        var spec = SimulatorState.Dialect(dialect);
        SubmitLine = EndpointRoute.Parse(spec.Submit);
        StatusLine = EndpointRoute.Parse(spec.Status);
        FileRetrieveLine = spec.FileRetrieve is { } retrieve ? EndpointRoute.Parse(retrieve) : null;
    }

    public static IReadOnlyList<DialectWire> All { get; } = new[] { ApiMart, MiniMax };

    public WireDialect Dialect { get; }

    /// <summary>Starts every scenario and file name of the dialect.</summary>
    public string Prefix { get; }

    public bool IsApiMart => Dialect == WireDialect.ApiMart;

    public string SubmitPath => SubmitLine.PathTemplate;

    private static EndpointRoute MiniMaxFileRetrieve => MiniMax.FileRetrieveLine!;

    private EndpointRoute SubmitLine { get; }

    private EndpointRoute StatusLine { get; }

    private EndpointRoute? FileRetrieveLine { get; }

    /// <summary>A text-to-video request of the provider's defaults, with the first model that allows them.</summary>
    public JsonObject SubmitBody(string prompt)
    {
        var provider = HailuoSpec.Providers.First(p => p.Dialect == Dialect);
        var model = provider.Models.First(m => m.FindMode(VideoMode.TextToVideo)?.Allows(provider.Defaults.Resolution, provider.Defaults.Duration) == true);
        return new JsonObject { ["model"] = model.Id, ["prompt"] = prompt };
    }

    public string TaskIdOf(RecordedAnswer submit) => IsApiMart ? submit.Text("data", 0, "task_id") : submit.Text("task_id");

    public string StatusPathAndQuery(string taskId) => StatusLine.PathAndQuery(("task_id", taskId));

    public static string FileRetrievePathAndQuery(string fileId) => MiniMaxFileRetrieve.PathAndQuery(("file_id", fileId));

    public StubRequest Submit(StubMatcher key, StubMatcher body) =>
        new("POST", UrlPath: SubmitPath) { Headers = Header(key), Body = body };

    /// <summary>The task's status request: the task id in the path or in the query, as the spec's line puts it.</summary>
    public StubRequest Status(StubMatcher key, string taskId) => StatusLine.InQuery("task_id")
        ? new("GET", UrlPath: StatusLine.PathTemplate) { Headers = Header(key), Query = Param("task_id", StubMatcher.EqualTo(taskId)) }
        : new("GET", UrlPath: StatusLine.Path(("task_id", taskId))) { Headers = Header(key) };

    /// <summary>A status request for any task: the unknown-task fallback.</summary>
    public StubRequest AnyStatus(StubMatcher? key) => StatusLine.IsExact
        ? new("GET", UrlPath: StatusLine.PathTemplate) { Headers = Header(key) }
        : new("GET", UrlPathPattern: StatusLine.PathPattern) { Headers = Header(key) };

    public static StubRequest FileRetrieve(StubMatcher key, string fileId) =>
        new("GET", UrlPath: MiniMaxFileRetrieve.PathTemplate) { Headers = Header(key), Query = Param("file_id", StubMatcher.EqualTo(fileId)) };

    public static StubRequest AnyFileRetrieve(StubMatcher? key) => new("GET", UrlPath: MiniMaxFileRetrieve.PathTemplate) { Headers = Header(key) };

    /// <summary>The signed URL exactly: path, expiry and signature.</summary>
    public static StubRequest Download(Uri url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        return new("GET", UrlPath: url.AbsolutePath)
        {
            Query = SignedUrlParameters.Select(name => new KeyValuePair<string, StubMatcher>(name, StubMatcher.EqualTo(query[name] ?? string.Empty))).ToArray(),
        };
    }

    /// <summary>Any download URL: the fallback for one whose signature or expiry was changed.</summary>
    public static StubRequest AnyDownload() => new("GET", UrlPathPattern: DownloadLine.PathPattern);

    /// <summary>The MP4 URL of a completed task: in the APIMart status, or in the MiniMax file object.</summary>
    public Uri DownloadUrlOf(RecordedAnswer completedStatusOrFile) => new(IsApiMart
        ? completedStatusOrFile.Text("data", "result", "videos", 0, "url", 0)
        : completedStatusOrFile.Text("file", "download_url"));

    private static KeyValuePair<string, StubMatcher>[] Header(StubMatcher? key) =>
        key is { } k ? new[] { new KeyValuePair<string, StubMatcher>("Authorization", k) } : Array.Empty<KeyValuePair<string, StubMatcher>>();

    private static KeyValuePair<string, StubMatcher>[] Param(string name, StubMatcher matcher) => new[] { new KeyValuePair<string, StubMatcher>(name, matcher) };
}
