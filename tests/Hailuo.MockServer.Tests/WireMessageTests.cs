using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>Every wire error names the field, the value and what is allowed, in words: never a .NET type or a JSON path.</summary>
public sealed class WireMessageTests
{
    /// <summary>Each field the wire accepts, with a value of a kind it never takes and the words its message must hold.</summary>
    public static TheoryData<WireDialect, string, string, string> WrongTypes
    {
        get
        {
            var data = new TheoryData<WireDialect, string, string, string>();
            foreach (var dialect in Enum.GetValues<WireDialect>())
            {
                data.Add(dialect, "model", "42", "must be a model id as text");
                data.Add(dialect, "prompt", "[\"a cat\"]", "must be text describing the scene");
                data.Add(dialect, "duration", "\"6\"", "must be a whole number of seconds");
                data.Add(dialect, "duration", "6.5", "must be a whole number of seconds");
                data.Add(dialect, "resolution", "768", "must be text; allowed:");
                data.Add(dialect, "prompt_optimizer", "\"yes\"", "must be true or false");
                data.Add(dialect, "fast_pretreatment", "1", "must be true or false");
                data.Add(dialect, "watermark", "{}", "must be true or false");
                data.Add(dialect, "first_frame_image", "true", "must be text: a public http(s) URL or a data URL");
                data.Add(dialect, "last_frame_image", "[]", "must be text: a public http(s) URL or a data URL");
                data.Add(dialect, "subject_reference", "{\"image\":[\"https://example.com/a.png\"]}", "must be a list of objects");
                data.Add(dialect, "subject_reference", "[{\"image\":\"https://example.com/a.png\"}]", "must be a list of objects");
                data.Add(dialect, "callback_url", "5", "must be an absolute http or https URL");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_value_of_the_wrong_kind_is_answered_with_field_value_and_what_is_allowed(WireDialect dialect, string field, string json, string allowed)
    {
        var body = Valid(dialect);
        body[field] = JsonNode.Parse(json);

        var (status, problem) = await SubmitAsync(dialect, body.ToJsonString());

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.StartsWith($"'{field}' is {json} (", message, StringComparison.Ordinal);
        Assert.Contains(allowed, message, StringComparison.Ordinal);
        InWords(message);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_duration_as_text_says_the_whole_seconds_allowed_at_the_requested_resolution(WireDialect dialect)
    {
        var provider = Cases.Provider(dialect);
        var body = Valid(dialect);
        var row = provider.FindModel((string?)body["model"])!.FindMode(VideoMode.TextToVideo)!.FindResolution((string?)body["resolution"])!;
        body["duration"] = row.Durations[0].ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (_, problem) = await SubmitAsync(dialect, body.ToJsonString());

        Assert.Equal(
            $"'duration' is \"{row.Durations[0]}\" (text): it must be a whole number of seconds; allowed for {row.Resolution}: {string.Join(", ", row.Durations)}.",
            problem.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "model")]
    [InlineData(WireDialect.ApiMart, "prompt")]
    [InlineData(WireDialect.MiniMax, "model")]
    [InlineData(WireDialect.MiniMax, "prompt")]
    public async Task A_missing_or_null_required_field_is_named_with_what_is_allowed(WireDialect dialect, string field)
    {
        foreach (var missing in new Func<JsonObject, JsonObject>[] { b => { b.Remove(field); return b; }, b => { b[field] = null; return b; } })
        {
            var (status, problem) = await SubmitAsync(dialect, missing(Valid(dialect)).ToJsonString());

            Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), status);
            Assert.Equal(field, problem.GetProperty("field").GetString());
            var message = problem.GetProperty("message").GetString()!;
            Assert.StartsWith($"'{field}' is required", message, StringComparison.Ordinal);
            InWords(message);
        }
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "{\"model\":")]
    [InlineData(WireDialect.ApiMart, "[1,2]")]
    [InlineData(WireDialect.ApiMart, "")]
    [InlineData(WireDialect.MiniMax, "not json")]
    [InlineData(WireDialect.MiniMax, "\"a cat\"")]
    public async Task A_body_that_is_not_one_json_object_is_answered_in_words(WireDialect dialect, string text)
    {
        var (status, problem) = await SubmitAsync(dialect, text);

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), status);
        Assert.Equal("body", problem.GetProperty("field").GetString());
        Assert.Contains("JSON object with at least 'model' and 'prompt'", problem.GetProperty("message").GetString()!, StringComparison.Ordinal);
        InWords(problem.GetProperty("message").GetString()!);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "model", "\"MiniMax-Hailuo-99\"")]
    [InlineData(WireDialect.ApiMart, "resolution", "\"4K\"")]
    [InlineData(WireDialect.ApiMart, "duration", "7")]
    [InlineData(WireDialect.MiniMax, "callback_url", "\"ftp://example.com/hook\"")]
    [InlineData(WireDialect.MiniMax, "first_frame_image", "\"not-an-image\"")]
    public async Task A_wrong_value_of_the_right_kind_is_answered_with_field_value_and_what_is_allowed(WireDialect dialect, string field, string json)
    {
        var body = Valid(dialect);
        body[field] = JsonNode.Parse(json);

        var (status, problem) = await SubmitAsync(dialect, body.ToJsonString());

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.Contains(JsonNode.Parse(json)!.GetValue<JsonElement>().ToString(), message, StringComparison.Ordinal);
        Assert.Matches("allowed|allows|offers|use an absolute|neither", message);
        InWords(message);
    }

    private static void InWords(string message)
    {
        foreach (var internals in new[] { "System.", "Nullable", "Path: $", "LineNumber", "BytePositionInLine", "could not be converted", "JsonException" })
        {
            Assert.DoesNotContain(internals, message, StringComparison.Ordinal);
        }
    }

    private static JsonObject Valid(WireDialect dialect) => JsonSerializer.SerializeToNode(TestClient.Valid(dialect))!.AsObject();

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> SubmitAsync(WireDialect dialect, string text)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        using var content = new StringContent(text, Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync(TestClient.SubmitPath(dialect), content);
        var body = await TestClient.ReadJsonAsync(response);
        var details = dialect == WireDialect.ApiMart ? body.GetProperty("error").GetProperty("details") : body.GetProperty("details");
        return (response.StatusCode, details[0]);
    }
}
