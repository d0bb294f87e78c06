using System.Net;
using System.Text;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Callbacks: the handshake is answered, and a notification ends a long poll sleep early.</summary>
public sealed class CallbackTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_completion_callback_wakes_the_wait_which_confirms_by_polling_long_before_the_interval(WireDialect dialect)
    {
        var receiver = new CallbackReceiver();
        await using var world = await SimWorld.StartAsync(
            dialect,
            sim => sim.CallbackClient = new HttpClient(receiver),
            client => client.PollingInterval = TimeSpan.FromMinutes(10));
        receiver.Client = world.Client;
        var request = Samples.Quick(dialect).WithCallback(new Uri("https://hooks.example.com/hailuo"));
        var submitted = await world.Run(c => c.SubmitAsync(request));
        var wait = world.Client.WaitForCompletionAsync(submitted);
        await world.Clock.UntilAsync(c => c.InFlight == 0 && world.Wire.Requests.Count == 1);

        // Only the simulator's own timers lie within these 4 s: its notifications, not the client's 10-minute sleep.
        world.Clock.Advance(TimeSpan.FromSeconds(4));
        await world.Clock.UntilAsync(_ => false, orUntil: wait);

        var done = await wait;
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(MockServer.CallbackState.Verified, world.Admin.Tasks[0].Callback);
        Assert.Equal(TimeSpan.FromSeconds(4), world.Clock.GetUtcNow() - submitted.SubmittedAt);
        Assert.Contains(receiver.Receipts, r => r.IsChallenge);
        Assert.Contains(receiver.Receipts, r => r.Status == VideoTaskStatus.Completed && r.TaskId == submitted.Id);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "{\"code\":200,\"data\":{\"id\":\"../../__admin/hailuo/reset?x=\",\"status\":\"completed\"}}")]
    [InlineData(WireDialect.ApiMart, "{\"code\":200,\"data\":{\"id\":\"106916112212032\",\"status\":\"completed\"}}")]
    [InlineData(WireDialect.MiniMax, "{\"task_id\":\"task_01K8SGYNNNVBQTXNR4MM964S7K\",\"status\":\"Success\",\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}")]
    [InlineData(WireDialect.MiniMax, "{\"task_id\":\"1069/../x\",\"status\":\"Success\",\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}")]
    public void A_callback_naming_a_task_id_not_of_the_providers_shape_is_refused(WireDialect dialect, string body)
    {
        using var client = new HailuoClient(dialect == WireDialect.ApiMart ? HailuoClientOptions.ApiMart("sk-test") : HailuoClientOptions.MiniMax("sk-test"), new HttpClient());

        var error = Assert.Throws<FormatException>(() => client.ReceiveCallback(body));

        Assert.Contains("task id", error.Message, StringComparison.Ordinal);
        Assert.Contains(TaskIds.Describe(dialect), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "task_01K8SGYNNNVBQTXNR4MM964S7K")]
    [InlineData(WireDialect.MiniMax, "106916112212032")]
    public void The_documented_task_ids_have_their_dialects_shape(WireDialect dialect, string taskId)
    {
        Assert.True(TaskIds.IsWellFormed(dialect, taskId));
        Assert.False(TaskIds.IsWellFormed(dialect == WireDialect.ApiMart ? WireDialect.MiniMax : WireDialect.ApiMart, taskId));
    }

    [Fact]
    public void A_challenge_is_answered_with_the_same_value()
    {
        using var client = new HailuoClient(HailuoClientOptions.ApiMart("sk-test"), new HttpClient());

        var receipt = client.ReceiveCallback("{\"challenge\":\"4f2a\"}");

        Assert.True(receipt.IsChallenge);
        Assert.Equal("{\"challenge\":\"4f2a\"}", receipt.ChallengeResponse);
    }

    /// <summary>Plays the consumer's web endpoint in memory: hands each POST to <see cref="HailuoClient.ReceiveCallback"/>.</summary>
    private sealed class CallbackReceiver : HttpMessageHandler
    {
        private readonly List<CallbackReceipt> _receipts = new();

        public HailuoClient? Client { get; set; }

        public IReadOnlyList<CallbackReceipt> Receipts
        {
            get
            {
                lock (_receipts)
                {
                    return _receipts.ToArray();
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var receipt = Client!.ReceiveCallback(body);
            lock (_receipts)
            {
                _receipts.Add(receipt);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(receipt.ChallengeResponse ?? "{}", Encoding.UTF8, "application/json") };
        }
    }
}
