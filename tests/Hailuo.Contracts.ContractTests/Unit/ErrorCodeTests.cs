using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;
using static Hailuo.Contracts.ContractTests.Infrastructure.CannedHandler;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>Every documented error code maps to its exception and ErrorCode, including ones the simulator never sends.</summary>
public sealed class ErrorCodeTests
{
    public static TheoryData<WireDialect, int, string, Type, string, string?> Answers => new()
    {
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":1004,"status_msg":"authentication failed"}}""", typeof(HailuoException), "authentication", "1004" },
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":2049,"status_msg":"invalid api key"}}""", typeof(HailuoException), "authentication", "2049" },
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}""", typeof(HailuoException), "insufficient-balance", "1008" },
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":1026,"status_msg":"input sensitive"}}""", typeof(HailuoException), "content-policy", "1026" },
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":2013,"status_msg":"invalid params"}}""", typeof(HailuoValidationException), "invalid-parameters", "2013" },
        { WireDialect.MiniMax, 200, """{"base_resp":{"status_code":1002,"status_msg":"rate limit"}}""", typeof(HailuoException), "rate-limited", "1002" },
        { WireDialect.ApiMart, 401, """{"code":401,"error":{"message":"bad key","type":"authentication_error"}}""", typeof(HailuoException), "authentication", "authentication_error" },
        { WireDialect.ApiMart, 402, """{"code":402,"error":{"message":"top up","type":"insufficient_balance"}}""", typeof(HailuoException), "insufficient-balance", "insufficient_balance" },
        { WireDialect.ApiMart, 400, """{"code":400,"error":{"message":"flagged","type":"invalid_request_error","code":"content_policy_violation"}}""", typeof(HailuoException), "content-policy", "content_policy_violation" },
        { WireDialect.ApiMart, 429, """{"code":429,"error":{"message":"slow down","type":"rate_limit_error"}}""", typeof(HailuoException), "rate-limited", "rate_limit_error" },
        { WireDialect.ApiMart, 200, """{"code":1008,"message":"insufficient balance"}""", typeof(HailuoException), "insufficient-balance", "1008" },
        { WireDialect.ApiMart, 403, """{"code":403,"error":{"message":"no access to this model","type":"permission_error"}}""", typeof(HailuoException), "authentication", "permission_error" },
        { WireDialect.ApiMart, 503, "<html>busy</html>", typeof(HailuoException), "server-error", null },
    };

    public static TheoryData<int, string> SpecCodes()
    {
        var data = new TheoryData<int, string>();
        foreach (var (code, meaning) in HailuoSpec.MiniMaxDialect.ErrorCodes)
        {
            data.Add(code, meaning);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecCodes))]
    public async Task Every_error_code_the_spec_lists_maps_to_its_meaning_as_ErrorCode_and_to_a_subtype_only_where_recovery_differs(int code, string meaning)
    {
        var expected = meaning switch
        {
            "rate-limited" or "authentication" or "insufficient-balance" or "content-policy" => typeof(HailuoException),
            "invalid-parameters" => typeof(HailuoValidationException),
            "server-error" => typeof(HailuoSubmitOutcomeUnknownException),
            _ => throw new InvalidOperationException("The spec has a meaning this test does not know: " + meaning),
        };
        var body = "{\"base_resp\":{\"status_code\":" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"status_msg\":\"x\"}}";
        using var world = new CannedWorld(WireDialect.MiniMax, (_, _) => Json(200, body), o => o.Retry.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAnyAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(WireDialect.MiniMax))));

        Assert.IsType(expected, error);
        Assert.Equal(meaning, error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_submit_answer_maps_to_its_exception_with_error_code_status_provider_code_and_request_id(WireDialect dialect, int status, string body, Type expected, string errorCode, string? code)
    {
        using var world = new CannedWorld(
            dialect,
            (_, _) => Json(status, body, r => r.Headers.Add("X-Request-Id", "req-42")),
            o => o.Retry.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAnyAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(dialect))));

        Assert.IsType(expected, error);
        Assert.Equal((status, errorCode, code, "req-42"), (error.HttpStatus, error.ErrorCode, error.ProviderCode, error.RequestId));
        Assert.Equal(dialect == WireDialect.ApiMart ? "APIMart" : "MiniMax", error.Provider);
    }

    [Fact]
    public async Task A_MiniMax_rate_limit_sent_on_HTTP_200_is_retried_like_a_429()
    {
        using var world = new CannedWorld(WireDialect.MiniMax, (_, call) => call == 1
            ? Json(200, """{"base_resp":{"status_code":1002,"status_msg":"rate limit"}}""")
            : Json(200, """{"task_id":"106916112212032","base_resp":{"status_code":0,"status_msg":"success"}}"""));

        var task = await world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(WireDialect.MiniMax)));

        Assert.Equal("106916112212032", task.Id);
        Assert.Equal(2, world.Handler.Calls);
    }

    [Fact]
    public async Task A_MiniMax_server_error_code_on_a_submit_is_an_unknown_outcome_not_a_retry()
    {
        using var world = new CannedWorld(WireDialect.MiniMax, (_, _) => Json(200, """{"base_resp":{"status_code":1000,"status_msg":"unknown error"}}"""));

        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(WireDialect.MiniMax))));

        Assert.Equal(1, world.Handler.Calls);
        Assert.Contains("code 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_MiniMax_server_error_code_on_a_status_poll_is_retried()
    {
        using var world = new CannedWorld(WireDialect.MiniMax, (_, call) => call == 1
            ? Json(200, """{"base_resp":{"status_code":1024,"status_msg":"internal error"}}""")
            : Json(200, """{"task_id":"106916112212032","status":"Processing","base_resp":{"status_code":0,"status_msg":"success"}}"""));

        var task = await world.Run(c => c.GetTaskAsync("106916112212032"));

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        Assert.Equal(2, world.Handler.Calls);
    }

    [Fact]
    public async Task A_submit_keeps_being_refused_only_MaxRetryAttempts_times_then_raises_rate_limited()
    {
        using var world = new CannedWorld(
            WireDialect.ApiMart,
            (_, _) => Json(429, """{"code":429,"error":{"message":"slow down","type":"rate_limit_error"}}""", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(5))),
            o => o.Retry.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(WireDialect.ApiMart))));

        Assert.Equal(ErrorMeanings.RateLimited, error.ErrorCode);
        Assert.Equal(3, world.Handler.Calls);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
    }

    [Fact]
    public async Task A_success_answer_without_a_task_id_is_an_unknown_outcome_not_a_retry()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, _) => Json(200, """{"code":200,"data":[]}"""));

        await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Run(c => c.SubmitAsync(Infrastructure.Samples.Quick(WireDialect.ApiMart))));

        Assert.Equal(1, world.Handler.Calls);
    }
}
