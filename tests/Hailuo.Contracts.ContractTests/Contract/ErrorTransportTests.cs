using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>
/// An error as HTTP status or inside an HTTP 200 body (MiniMax's documented form) is the same typed error to the client,
/// with the same retry and "outcome unknown" decisions; MiniMax's Trace-Id travels into the exception.
/// </summary>
public sealed class ErrorTransportTests
{
    public static TheoryData<WireDialect> Dialects => new() { WireDialect.ApiMart, WireDialect.MiniMax };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_wrong_key_is_the_same_authentication_error_in_either_transport_and_is_not_retried(WireDialect dialect)
    {
        var inBody = await WrongKey(dialect, ErrorTransport.InBody);
        var asStatus = await WrongKey(dialect, ErrorTransport.HttpStatus);

        Assert.Equal((200, 401), (inBody.Error.HttpStatus, asStatus.Error.HttpStatus));
        Assert.Equal((asStatus.Error.GetType(), asStatus.Error.ProviderCode, asStatus.Error.IsTransient, asStatus.Sent), (inBody.Error.GetType(), inBody.Error.ProviderCode, inBody.Error.IsTransient, inBody.Sent));
        Assert.Equal((ErrorMeanings.Authentication, ErrorMeanings.Authentication), (inBody.Error.ErrorCode, asStatus.Error.ErrorCode));
        Assert.Equal(1, inBody.Sent);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_rate_limit_is_retried_after_Retry_After_alike_in_either_transport(WireDialect dialect)
    {
        var outcome = await AlikeInBothTransports(transport => RateLimitedThenServed(dialect, transport));

        Assert.Equal(2, outcome.Sent);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_refused_image_is_the_same_validation_error_in_either_transport(WireDialect dialect)
    {
        var outcome = await AlikeInBothTransports(transport => RefusedImage(dialect, transport));

        Assert.Equal(("first_frame_image", 1), outcome);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_unknown_task_is_the_same_error_in_either_transport(WireDialect dialect)
    {
        var inBody = await UnknownTask(dialect, ErrorTransport.InBody);
        var asStatus = await UnknownTask(dialect, ErrorTransport.HttpStatus);

        Assert.Equal((asStatus.GetType(), asStatus.IsTransient), (inBody.GetType(), inBody.IsTransient));
        Assert.False(inBody.IsTransient);
    }

    [Fact]
    public async Task MiniMaxs_Trace_Id_is_in_the_exception_and_its_message()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, client: c => c.ApiKey = "sk-wrong");

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax))));


        Assert.Equal(ErrorMeanings.Authentication, error.ErrorCode);
        var trace = Assert.Single(world.Admin.Journal).RequestId;
        Assert.Equal(trace, error.TraceId);
        Assert.EndsWith("Trace-Id: " + trace + ".", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs the same exchange with errors in the body and as the HTTP status, and asserts the client ended alike.</summary>
    private static async Task<T> AlikeInBothTransports<T>(Func<ErrorTransport, Task<T>> run)
    {
        var inBody = await run(ErrorTransport.InBody);
        Assert.Equal(await run(ErrorTransport.HttpStatus), inBody);
        return inBody;
    }

    private static async Task<(HailuoException Error, int Sent)> WrongKey(WireDialect dialect, ErrorTransport transport)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.ErrorTransport = transport, c => c.ApiKey = "sk-wrong");
        var error = await Assert.ThrowsAnyAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));
        return (error, world.Wire.Requests.Count);
    }

    private static async Task<(VideoTaskStatus Status, int Sent)> RateLimitedThenServed(WireDialect dialect, ErrorTransport transport)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => { sim.ErrorTransport = transport; sim.RequestsPerMinute = 2; }, c => c.Retry.MaxRetryAfter = TimeSpan.FromMinutes(2));
        await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));
        await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));
        var before = world.Wire.Requests.Count;

        var task = await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));
        return (task.Status, world.Wire.Requests.Count - before);
    }

    private static async Task<(string Field, int Sent)> RefusedImage(WireDialect dialect, ErrorTransport transport)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.ErrorTransport = transport);
        var tiny = ImageReference.FromBytes(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), "image/png");
        var request = dialect == WireDialect.ApiMart
            ? Hailuo.Contracts.ApiMart.Hailuo02.ImageToVideo(Prompt.Of("A dot"), tiny).At768p().Seconds5()
            : Hailuo.Contracts.MiniMax.Hailuo02.ImageToVideo(Prompt.Of("A dot"), tiny).At768p().Seconds6();
        var error = await Assert.ThrowsAsync<HailuoValidationException>(() => world.Run(c => c.SubmitAsync(request)));
        return (Assert.Single(error.Failures).PropertyName, world.Wire.Requests.Count);
    }

    private static async Task<HailuoException> UnknownTask(WireDialect dialect, ErrorTransport transport)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.ErrorTransport = transport);
        return await Assert.ThrowsAnyAsync<HailuoException>(() => world.Run(c => c.GetTaskAsync("task_unknown")));
    }
}
