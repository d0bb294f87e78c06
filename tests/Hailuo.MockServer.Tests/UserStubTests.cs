using System.Net;
using System.Text;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hailuo.MockServer.Tests;

/// <summary>WireMock.Net kept whole: users' stubs with JSON body matchers, added through the admin API or in C#, answer before the engine.</summary>
public sealed class UserStubTests
{
    private const string StubbedPrompt = "A stubbed cat";

    [Fact]
    public async Task A_stub_posted_to_the_admin_API_with_a_JsonPartialMatcher_wins_over_the_engine()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var guid = Guid.NewGuid();

        using var posted = await client.Http.PostAsync("/__admin/mappings", Json(Mapping(guid, "JsonPartialMatcher", $$"""{"prompt":"{{StubbedPrompt}}"}""", "from the posted stub")));
        using var stubbed = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, StubbedPrompt));
        var engine = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, "Another cat"));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, stubbed.StatusCode);
        Assert.Equal("from the posted stub", await stubbed.Content.ReadAsStringAsync());
        Assert.Equal(engine, Assert.Single(sim.Admin.Tasks).Id);
    }

    [Fact]
    public async Task A_stub_put_to_the_admin_API_with_a_JsonPathMatcher_replaces_the_posted_one()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var guid = Guid.NewGuid();
        using var posted = await client.Http.PostAsync("/__admin/mappings", Json(Mapping(guid, "JsonPartialMatcher", $$"""{"prompt":"{{StubbedPrompt}}"}""", "posted")));

        using var put = await client.Http.PutAsync($"/__admin/mappings/{guid}", Json(Mapping(guid, "JsonPathMatcher", "\"$.scene\"", "put")));
        using var dog = await client.Http.PostAsync(TestClient.SubmitPath(WireDialect.ApiMart), Json("""{"model":"MiniMax-Hailuo-02","prompt":"A dog","scene":"garden"}"""));
        var cat = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, StubbedPrompt));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("put", await dog.Content.ReadAsStringAsync());
        Assert.Equal(cat, Assert.Single(sim.Admin.Tasks).Id);
    }

    [Fact]
    public async Task A_stub_given_in_CSharp_with_JSON_body_matchers_wins_over_the_engine()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        sim.Server.Given(Request.Create().WithPath(TestClient.SubmitPath(WireDialect.ApiMart)).UsingPost()
                .WithBody(new JsonPartialMatcher($$"""{"prompt":"{{StubbedPrompt}}"}"""))
                .WithBody(new JsonPathMatcher("$.duration")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(429).WithBody("from the C# stub"));

        using var stubbed = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, StubbedPrompt));
        var engine = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, "Another cat"));

        Assert.Equal(HttpStatusCode.TooManyRequests, stubbed.StatusCode);
        Assert.Equal("from the C# stub", await stubbed.Content.ReadAsStringAsync());
        Assert.Equal(engine, Assert.Single(sim.Admin.Tasks).Id);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Mapping(Guid guid, string matcher, string pattern, string answer) => $$"""
        {
          "Guid": "{{guid}}",
          "Priority": 1,
          "Request": {
            "Path": { "Matchers": [ { "Name": "WildcardMatcher", "Pattern": "{{TestClient.SubmitPath(WireDialect.ApiMart)}}" } ] },
            "Methods": [ "POST" ],
            "Body": { "Matcher": { "Name": "{{matcher}}", "Pattern": {{pattern}} } }
          },
          "Response": { "StatusCode": 202, "Body": "{{answer}}" }
        }
        """;
}
