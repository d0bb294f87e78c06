using System.Text;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>
/// The submit bodies exactly as they cross the wire, one line each: any change to the contract shows as a diff of the
/// verified files in review (HAILUO_ACCEPT_SNAPSHOTS=1 accepts, never under CI).
/// </summary>
public sealed class WireSnapshotTests
{
    [Fact]
    public async Task ApiMart_submit_bodies_match_the_verified_snapshot()
    {
        var text = await SubmitAll(WireDialect.ApiMart, new (string, TypedVideoRequest)[]
        {
            ("text-to-video 1080p", Samples.ForMode(WireDialect.ApiMart, VideoMode.TextToVideo)),
            ("image-to-video 768p 10 s", Samples.ForMode(WireDialect.ApiMart, VideoMode.ImageToVideo)),
            ("first-and-last-frame 512p", Samples.ForMode(WireDialect.ApiMart, VideoMode.FirstAndLastFrame)),
            ("subject-reference", Samples.ForMode(WireDialect.ApiMart, VideoMode.SubjectReference)),
            ("every switch and a callback", Hailuo.Contracts.ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cat")).At768p().Seconds5()
                .WithoutPromptOptimizer().WithFastPretreatment().WithWatermark().WithCallback(new Uri("https://hooks.example.com/hailuo"))),
        });

        Snapshot.Verify(text);
    }

    [Fact]
    public async Task MiniMax_submit_bodies_match_the_verified_snapshot()
    {
        var text = await SubmitAll(WireDialect.MiniMax, new (string, TypedVideoRequest)[]
        {
            ("text-to-video 1080p", Samples.ForMode(WireDialect.MiniMax, VideoMode.TextToVideo)),
            ("image-to-video 512p 10 s", Samples.ForMode(WireDialect.MiniMax, VideoMode.ImageToVideo)),
            ("first-and-last-frame 768p", Samples.ForMode(WireDialect.MiniMax, VideoMode.FirstAndLastFrame)),
            ("image-to-video, fast model", Hailuo.Contracts.MiniMax.Hailuo23Fast.ImageToVideo(Prompt.Of("A kite").Camera(CameraMove.TrackingShot), Samples.First).At768p().Seconds10()),
        });

        Snapshot.Verify(text);
    }

    [Fact]
    public async Task Untyped_requests_send_only_the_fields_given_with_the_resolution_spelt_as_each_wire_does()
    {
        var builder = new StringBuilder();
        foreach (var dialect in new[] { WireDialect.ApiMart, WireDialect.MiniMax })
        {
            await using var world = await SimWorld.StartAsync(dialect);
            await world.Run(c => c.SubmitAsync(new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "A cat [Pan left]" }));
            await world.Run(c => c.SubmitAsync(new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "A cat", Resolution = "768P", FirstFrameImage = "https://images.example.com/first.jpg", Duration = dialect == WireDialect.ApiMart ? 5 : 6 }));
            foreach (var request in world.Wire.Requests.Where(r => r.Method == "POST"))
            {
                builder.Append(dialect).Append(' ').Append(request.Method).Append(' ').Append(request.PathAndQuery).Append('\n').Append(request.Body).Append('\n');
            }
        }

        Snapshot.Verify(builder.ToString());
    }

    private static async Task<string> SubmitAll(WireDialect dialect, IEnumerable<(string Label, TypedVideoRequest Request)> requests)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        var builder = new StringBuilder();
        foreach (var (label, request) in requests)
        {
            await world.Run(c => c.SubmitAsync(request));
            var sent = world.Wire.Requests[^1];
            builder.Append("# ").Append(label).Append('\n')
                .Append(sent.Method).Append(' ').Append(sent.PathAndQuery).Append('\n')
                .Append(sent.Body).Append('\n');
        }

        return builder.ToString();
    }
}
