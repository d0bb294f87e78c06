using System.Net;
using System.Text.RegularExpressions;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>What the poll path remembers between requests (key owners, the server's address, the Date text, path values, the log's masked headers) answers exactly as working it out afresh.</summary>
public sealed class PollPathCacheTests
{
    [Fact]
    public void A_keys_owner_is_its_own_hash_whichever_keys_came_before_and_past_the_capacity()
    {
        var owners = new KeyOwners();
        var keys = Enumerable.Range(0, KeyOwners.Capacity + 50).Select(i => "sk-" + i).ToArray();

        foreach (var key in keys.Concat(keys.Reverse()).Concat(["sk-a", "sk-b", "sk-a"]))
        {
            Assert.Equal(KeyOwners.Hash(key), owners.For(key));
        }

        Assert.NotEqual(owners.For("sk-a"), owners.For("sk-b"));
    }

    [Fact]
    public async Task A_task_polled_by_its_key_stays_hidden_from_another_key_polling_between()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var owner = TestClient.For(sim, "sk-owner");
        using var stranger = TestClient.For(sim, "sk-stranger");
        var id = await owner.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        foreach (var (client, expected) in new[] { (owner, HttpStatusCode.OK), (stranger, HttpStatusCode.NotFound), (owner, HttpStatusCode.OK), (stranger, HttpStatusCode.NotFound) })
        {
            using var response = await client.Http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, id));
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public void The_servers_address_is_each_urls_own_when_urls_alternate()
    {
        var address = new ServerAddress(null);
        string[] urls =
        [
            "http://127.0.0.1:5080/v1/tasks/a", "http://127.0.0.1:5080/v1/tasks/b?x=1", "http://localhost:5080/v1/tasks/a",
            "http://127.0.0.1:5081/v1/tasks/a", "https://127.0.0.1:443/v1/tasks/a", "http://127.0.0.1:80/x", "http://127.0.0.1:5080/v1/tasks/a",
            "http://[::1]:5080/v1/tasks/a", "http://127.0.0.1:5080?only=query",
        ];

        foreach (var url in urls.Concat(urls.Reverse()))
        {
            Assert.Equal(new Uri(url).GetLeftPart(UriPartial.Authority), address.For(url));
        }
    }

    [Fact]
    public void A_public_base_url_is_the_address_whatever_the_request_url()
    {
        var address = new ServerAddress(new Uri("https://sim.example.test:8443/base/"));

        Assert.Equal("https://sim.example.test:8443", address.For("http://127.0.0.1:5080/v1/tasks/a"));
    }

    [Fact]
    public void The_date_text_is_each_instants_own_across_second_boundaries()
    {
        var start = new DateTimeOffset(2026, 12, 4, 6, 59, 58, TimeSpan.Zero).AddTicks(1);
        var instants = new[] { 0.0, 0.4, 0.999, 1.0, 1.5, 2.0, 61.0, 0.2, 3_600.0 }.Select(s => start.AddSeconds(s)).Append(start.ToOffset(TimeSpan.FromHours(8)));

        foreach (var at in instants)
        {
            Assert.Equal(at.ToString("R", System.Globalization.CultureInfo.InvariantCulture), DateHeader.For(at));
        }
    }

    [Theory]
    [InlineData("GET /v1/tasks/{task_id}", "/v1/tasks/{0}")]
    [InlineData("GET /files/{file_id}.mp4?expires={expires}&sig={sig}", "/files/{0}.mp4")]
    public void A_lone_path_placeholder_is_read_as_the_anchored_regex_reads_it(string line, string shape)
    {
        var route = EndpointRoute.Parse(line);
        var name = EndpointLine.Read(line).Placeholders.First(p => !p.InQuery).Name;
        var template = EndpointLine.Read(line).PathTemplate;
        var placeholder = "{" + name + "}";
        var at = template.IndexOf(placeholder, StringComparison.Ordinal);
        var regex = new Regex("^" + Regex.Escape(template[..at]) + "(?<v>[^/]+?)" + Regex.Escape(template[(at + placeholder.Length)..]) + "$", RegexOptions.CultureInvariant);
        string[] values = ["task_01K8SGYNNNVBQTXNR4MM964S7K", "a", "a.mp4", "x%20y", "a\n", "\n", "a\n\n", "a/b", "", ".mp4", "a.mp4.mp4"];
        var paths = values.Select(v => string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, v))
            .Concat([template[..at], "/elsewhere", "/v1/tasks", "/v1/tasks/", "/files/.mp4", "/v1/tasks/a/", "/V1/TASKS/a"]);

        foreach (var path in paths)
        {
            Assert.Equal(Uri.UnescapeDataString(regex.Match(path).Groups["v"].Value), route.Values(path, string.Empty)[name]);
        }
    }

    [Fact]
    public async Task A_polls_log_entry_shows_authorization_masked_however_often_and_wherever_it_is_read()
    {
        const string Key = "sk-live-secret-poll-0123456789";
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim, Key);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        await client.StatusAsync(WireDialect.ApiMart, id);

        var entry = sim.Server.LogEntries.Single(e => e.RequestMessage!.Method == "GET").RequestMessage!;
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => entry.Headers!["Authorization"].Single())));
        using var admin = sim.CreateClient();
        var requests = await admin.GetStringAsync("/__admin/requests");

        Assert.All(reads, read => Assert.Equal("Bearer ***", read));
        Assert.Same(entry.Headers, entry.Headers);
        Assert.Null(entry.Body);
        Assert.DoesNotContain(Key, requests, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", requests, StringComparison.Ordinal);
    }
}
