using Hailuo.Contracts.ApiMart;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>Requests the tests send: one per mode and dialect, built with the generated typed builders.</summary>
internal static class Samples
{
    public static readonly ImageReference First = ImageReference.FromUrl(new Uri("https://images.example.com/first.jpg"));
    public static readonly ImageReference Last = ImageReference.FromUrl(new Uri("https://images.example.com/last.jpg"));
    public static readonly ImageReference Subject = ImageReference.FromUrl(new Uri("https://images.example.com/subject.png"));

    /// <summary>A short valid request of the dialect, for tests about everything but the request.</summary>
    public static TypedVideoRequest Quick(WireDialect dialect, string prompt = "A cute cat running on the grass") => dialect == WireDialect.ApiMart
        ? Hailuo02.TextToVideo(Prompt.Of(prompt)).At768p().Seconds5()
        : Contracts.MiniMax.Hailuo02.TextToVideo(Prompt.Of(prompt)).At768p().Seconds6();

    /// <summary>Every mode the spec offers, on each dialect.</summary>
    public static TypedVideoRequest ForMode(WireDialect dialect, VideoMode mode)
    {
        var prompt = Prompt.Of("A lighthouse at dusk").Camera(CameraMove.PanLeft, CameraMove.ZoomIn);
        return (dialect, mode) switch
        {
            (WireDialect.ApiMart, VideoMode.TextToVideo) => Hailuo02.TextToVideo(prompt).At1080p().Seconds5(),
            (WireDialect.ApiMart, VideoMode.ImageToVideo) => Hailuo02.ImageToVideo(prompt, First).At768p().Seconds10(),
            (WireDialect.ApiMart, VideoMode.FirstAndLastFrame) => Hailuo02.FirstAndLastFrame(prompt, First, Last).At512p().Seconds5(),
            (WireDialect.ApiMart, VideoMode.SubjectReference) => Hailuo03.SubjectReference(prompt, Subject).At768p().Seconds10(),
            (WireDialect.MiniMax, VideoMode.TextToVideo) => Contracts.MiniMax.Hailuo23.TextToVideo(prompt).At1080p().Seconds6(),
            (WireDialect.MiniMax, VideoMode.ImageToVideo) => Contracts.MiniMax.Hailuo02.ImageToVideo(prompt, First).At512p().Seconds10(),
            (WireDialect.MiniMax, VideoMode.FirstAndLastFrame) => Contracts.MiniMax.Hailuo02.FirstAndLastFrame(prompt, First, Last).At768p().Seconds6(),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The spec offers no such mode on " + dialect + "."),
        };
    }
}
