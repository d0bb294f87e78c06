using Hailuo.Contracts.Transport;
using Xunit;

namespace Hailuo.Contracts.Tests;

/// <summary>Which header names the request id: the first of the gateway names by priority, whatever the headers' order or case.</summary>
public sealed class RequestIdsTests
{
    private static string? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RequestIds.Read(response.Headers);
    }

    [Fact]
    public void An_answer_without_an_id_header_has_none()
    {
        Assert.Null(Read());
        Assert.Null(Read(("Server", "nginx"), ("X-Request-Ids", "near miss")));
    }

    [Fact]
    public void X_Request_Id_wins_over_the_trace_headers_wherever_it_comes()
    {
        Assert.Equal("req_1", Read(("X-Amzn-Trace-Id", "Root=1-abc"), ("Trace-Id", "trace_1"), ("X-Request-Id", "req_1")));
        Assert.Equal("req_1", Read(("X-Request-Id", "req_1"), ("Request-Id", "req_2")));
    }

    [Fact]
    public void A_lower_ranked_name_is_used_when_the_higher_ones_are_missing()
    {
        Assert.Equal("trace_1", Read(("X-Amzn-Trace-Id", "Root=1-abc"), ("trace-id", "trace_1")));
        Assert.Equal("Root=1-abc", Read(("x-amzn-trace-id", "Root=1-abc")));
    }

    [Fact]
    public void A_header_sent_twice_gives_its_first_value()
    {
        Assert.Equal("req_1", Read(("X-Request-Id", "req_1"), ("X-Request-Id", "req_2")));
    }
}
