using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

public sealed class ImageInspectorTests
{
    private static readonly ImageLimits Rules = HailuoSpec.Images;
    private static readonly int Edge = Rules.MinShortEdgeExclusive + 1;

    public static TheoryData<string, byte[], ImageFileFormat> EveryFormat => new()
    {
        { "png", TestImages.Png(640, 360), ImageFileFormat.Png },
        { "jpeg", TestImages.Jpeg(640, 360), ImageFileFormat.Jpeg },
        { "webp VP8", TestImages.WebPLossy(640, 360), ImageFileFormat.WebP },
        { "webp VP8L", TestImages.WebPLossless(640, 360), ImageFileFormat.WebP },
        { "webp VP8X", TestImages.WebPExtended(640, 360), ImageFileFormat.WebP },
    };

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Header_reader_finds_format_and_size_of_every_allowed_format(string name, byte[] file, ImageFileFormat format)
    {
        var header = ImageHeaderReader.Read(file);

        Assert.True(header is not null, name);
        Assert.Equal(new ImageHeader(format, 640, 360), header);
        Assert.True(ImageInspector.Inspect(file).IsAllowed, name);
    }

    [Fact]
    public void Jpeg_size_is_found_after_other_segments_and_fill_bytes()
    {
        var plain = TestImages.Jpeg(1000, 700);
        var withFill = plain[..2].Concat(new byte[] { 0xFF, 0xFF }).Concat(plain[2..]).ToArray();

        Assert.Equal(new ImageHeader(ImageFileFormat.Jpeg, 1000, 700), ImageHeaderReader.Read(withFill));
    }

    [Fact]
    public void Short_edge_at_the_limit_is_rejected_and_one_pixel_more_is_allowed()
    {
        var atLimit = ImageInspector.Inspect(TestImages.Png(Rules.MinShortEdgeExclusive, 600));
        var above = ImageInspector.Inspect(TestImages.Png(Edge, 600));

        Assert.False(atLimit.IsAllowed);
        Assert.Contains($"short edge of {Rules.MinShortEdgeExclusive} px must be over {Rules.MinShortEdgeExclusive} px", atLimit.Problem, StringComparison.Ordinal);
        Assert.True(above.IsAllowed, above.Problem);
    }

    [Fact]
    public void Aspect_ratio_exactly_at_both_bounds_is_allowed_because_the_spec_includes_them()
    {
        Assert.True(Rules.BoundsInclusive);
        var (narrowW, narrowH) = TestImages.AtRatio(Rules.MinAspectRatio.Width, Rules.MinAspectRatio.Height, Rules.MinShortEdgeExclusive);
        var (wideW, wideH) = TestImages.AtRatio(Rules.MaxAspectRatio.Width, Rules.MaxAspectRatio.Height, Rules.MinShortEdgeExclusive);

        Assert.True(ImageInspector.Inspect(TestImages.Png(narrowW, narrowH)).IsAllowed);
        Assert.True(ImageInspector.Inspect(TestImages.Jpeg(wideW, wideH)).IsAllowed);
    }

    [Fact]
    public void Aspect_ratio_one_pixel_beyond_either_bound_is_rejected_naming_ratio_and_bounds()
    {
        var (narrowW, narrowH) = TestImages.AtRatio(Rules.MinAspectRatio.Width, Rules.MinAspectRatio.Height, Rules.MinShortEdgeExclusive);
        var (wideW, wideH) = TestImages.AtRatio(Rules.MaxAspectRatio.Width, Rules.MaxAspectRatio.Height, Rules.MinShortEdgeExclusive);

        var tooNarrow = ImageInspector.Inspect(TestImages.Png(narrowW, narrowH + 1));
        var tooWide = ImageInspector.Inspect(TestImages.WebPLossless(wideW + 1, wideH));

        Assert.Contains($"is outside {Rules.MinAspectRatio}", tooNarrow.Problem, StringComparison.Ordinal);
        Assert.Contains($"{narrowW}x{narrowH + 1} pixels", tooNarrow.Problem, StringComparison.Ordinal);
        Assert.Contains($"to {Rules.MaxAspectRatio}", tooWide.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_exactly_the_byte_limit_is_rejected_and_one_byte_less_is_allowed()
    {
        var limits = new ImageLimits(Rules.Formats, 4096, Rules.MinShortEdgeExclusive, Rules.MinAspectRatio, Rules.MaxAspectRatio, Rules.BoundsInclusive);

        var atLimit = ImageInspector.Inspect(TestImages.Png(Edge, Edge, padToBytes: 4096), limits);
        var under = ImageInspector.Inspect(TestImages.Png(Edge, Edge, padToBytes: 4095), limits);

        Assert.Equal(4096, atLimit.Bytes);
        Assert.Contains("4,096 bytes; it must be under 4,096 bytes", atLimit.Problem, StringComparison.Ordinal);
        Assert.True(under.IsAllowed, under.Problem);
    }

    [Fact]
    public void Other_formats_are_rejected_by_name_with_the_allowed_list()
    {
        var gif = ImageInspector.Inspect(TestImages.Gif(640, 480));
        var garbage = ImageInspector.Inspect(new byte[] { 1, 2, 3, 4 });

        Assert.Equal("The image format is GIF; allowed: jpeg, png, webp.", gif.Problem);
        Assert.Contains("unknown (starts with 01 02 03 04)", garbage.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_url_is_decoded_before_inspection()
    {
        var good = ImageInspector.InspectDataUrl(TestImages.DataUrl(TestImages.Jpeg(Edge, Edge), "image/jpeg"));
        var small = ImageInspector.InspectDataUrl(TestImages.DataUrl(TestImages.Jpeg(200, 200), "image/jpeg"));
        var notBase64 = ImageInspector.InspectDataUrl("data:image/png;base64,@@@@");

        Assert.Equal(new ImageHeader(ImageFileFormat.Jpeg, Edge, Edge), good.Header);
        Assert.True(good.IsAllowed);
        Assert.Contains("short edge of 200 px", small.Problem, StringComparison.Ordinal);
        Assert.False(notBase64.IsAllowed);
    }

    [Fact]
    public void Local_file_over_the_limit_is_rejected_with_its_header_still_read()
    {
        var limits = new ImageLimits(Rules.Formats, 2048, Rules.MinShortEdgeExclusive, Rules.MinAspectRatio, Rules.MaxAspectRatio, Rules.BoundsInclusive);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(path, TestImages.Png(Edge, Edge, padToBytes: 5000));
        try
        {
            var inspection = ImageInspector.InspectFile(path, limits);

            Assert.Equal(new ImageHeader(ImageFileFormat.Png, Edge, Edge), inspection.Header);
            Assert.Contains("must be under 2,048 bytes", inspection.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
