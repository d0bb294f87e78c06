using Hailuo.Contracts;
using Hailuo.MockServer.Server;

namespace Hailuo.MockServer.Tests;

/// <summary>The rule core's endpoint-line grammar, which the generator's Refit emitters and the simulator's routes both read.</summary>
public sealed class EndpointLineTests
{
    [Fact]
    public void A_line_splits_into_verb_path_placeholders_and_fixed_query_pairs()
    {
        var line = EndpointLine.Read("get /v1/query/{kind}/video_generation?task_id={task_id}&lang=en");

        Assert.Equal("GET", line.Method);
        Assert.Equal("/v1/query/{kind}/video_generation", line.PathTemplate);
        Assert.Collection(
            line.Placeholders,
            p => Assert.Equal(("kind", "kind", false, 10, 16), (p.Name, p.Key, p.InQuery, p.Start, p.End)),
            p => Assert.Equal(("task_id", "task_id", true, -1, -1), (p.Name, p.Key, p.InQuery, p.Start, p.End)));
        Assert.Equal(new[] { "lang=en" }, line.QueryConstants);
    }

    [Theory]
    [InlineData("/v1/tasks/{task_id}")]
    [InlineData("GET v1/tasks")]
    [InlineData("G3T /v1/tasks")]
    [InlineData("GET /v1/tasks/{task_id")]
    [InlineData("GET /v1/tasks/{task id}")]
    [InlineData("GET /v1/query?task_id={}")]
    public void A_line_off_the_grammar_is_refused_with_the_grammar_in_words(string text)
    {
        Assert.Null(EndpointLine.Parse(text));
        var error = Assert.Throws<ArgumentException>(() => EndpointLine.Read(text));
        Assert.Contains("'" + text + "' is not an endpoint line", error.Message, StringComparison.Ordinal);
        Assert.Contains("VERB /path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_of_the_spec_routes_a_request_back_to_its_named_values()
    {
        foreach (var dialect in HailuoSpec.Dialects)
        {
            foreach (var text in new[] { dialect.Submit, dialect.Status, dialect.FileRetrieve }.OfType<string>())
            {
                var route = EndpointRoute.Parse(text);
                var values = EndpointLine.Read(text).Placeholders.Select(p => (p.Name, Value: "a b/" + p.Name)).ToArray();
                var sent = route.PathAndQuery(values);
                var question = sent.IndexOf('?', StringComparison.Ordinal);
                var read = route.Values(question < 0 ? sent : sent[..question], question < 0 ? string.Empty : sent[question..]);

                Assert.Equal(values.ToDictionary(v => v.Name, v => v.Value), read);
            }
        }
    }
}
