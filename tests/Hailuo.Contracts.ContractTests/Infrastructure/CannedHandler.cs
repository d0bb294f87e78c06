using System.Net;
using System.Text;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>Answers from a script, for wire variants and error codes the simulator does not produce.</summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private int _calls;

    public CannedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>A JSON answer.</summary>
    public static HttpResponseMessage Json(int status, string json, Action<HttpResponseMessage>? tweak = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        tweak?.Invoke(response);
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        try
        {
            return Task.FromResult(_answer(request, call));
        }
        catch (Exception e)
        {
            return Task.FromException<HttpResponseMessage>(e);
        }
    }
}
