using System.Net;
using System.Text;
using System.Text.Json;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>Every rule of the generated validators answers 400 naming the field; expectations come from the validators themselves.</summary>
public sealed class ValidationTests
{
    public static TheoryData<SimulatorKind, WireDialect, string> Rules
    {
        get
        {
            var data = new TheoryData<SimulatorKind, WireDialect, string>();
            foreach (var kind in Enum.GetValues<SimulatorKind>())
            {
                foreach (var dialect in Enum.GetValues<WireDialect>())
                {
                    foreach (var rule in Breaking.Keys)
                    {
                        data.Add(kind, dialect, rule);
                    }
                }
            }

            return data;
        }
    }

    /// <summary>Each entry breaks one rule, finding the offending values in the spec's catalog rather than writing them down.</summary>
    private static Dictionary<string, Func<WireDialect, VideoGenerationRequest>> Breaking { get; } = new()
    {
        ["unknown model"] = d => With(d, r => r.Model = "MiniMax-Hailuo-99"),
        ["missing prompt"] = d => With(d, r => r.Prompt = null),
        ["prompt too long"] = d => With(d, r => r.Prompt = new string('a', HailuoSpec.Prompt.MaxLength + 1)),
        ["unknown camera command"] = d => With(d, r => r.Prompt += " [Pan left, Moonwalk]"),
        ["too many camera commands"] = d => With(d, r => r.Prompt += " [" + string.Join(", ", HailuoSpec.Camera.Commands.Take(HailuoSpec.Camera.MaxPerBracket + 1)) + "]"),
        ["unclosed camera bracket"] = d => With(d, r => r.Prompt += " [Pan left"),
        ["forbidden resolution x duration"] = ForbiddenPair,
        ["resolution not offered"] = MissingResolution,
        ["mode not offered"] = MissingMode,
        ["image neither url nor data url"] = d => With(d, r => r.FirstFrameImage = "not-an-image"),
        ["last frame without first frame"] = d => With(d, r => r.LastFrameImage = "https://example.com/last.png"),
        ["callback url not http"] = d => With(d, r => r.CallbackUrl = "ftp://example.com/hook"),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Request_breaking_a_spec_rule_is_refused_naming_the_fields_the_validator_names(SimulatorKind kind, WireDialect dialect, string rule)
    {
        var request = Breaking[rule](dialect);
        var expected = HailuoValidators.For(Cases.Provider(dialect).Name)!.Validate(request).Errors;
        Assert.NotEmpty(expected);
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);

        using var response = await client.SubmitAsync(dialect, request);
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), response.StatusCode);
        var details = dialect == WireDialect.ApiMart ? body.GetProperty("error").GetProperty("details") : body.GetProperty("details");
        Assert.Equal(
            expected.Select(e => (e.PropertyName, e.ErrorCode, e.ErrorMessage)),
            details.EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("code").GetString()!, p.GetProperty("message").GetString()!)));
        if (dialect == WireDialect.ApiMart)
        {
            Assert.Equal(400, body.GetProperty("code").GetInt32());
            Assert.Equal(expected[0].PropertyName, body.GetProperty("error").GetProperty("param").GetString());
            Assert.Equal("invalid_request_error", body.GetProperty("error").GetProperty("type").GetString());
        }
        else
        {
            Assert.Equal(2013, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
            Assert.Contains(expected[0].ErrorMessage, body.GetProperty("base_resp").GetProperty("status_msg").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(sim.Admin.Tasks);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Body_that_is_not_json_is_refused_as_invalid(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        using var content = new StringContent("model=cat", Encoding.UTF8, "text/plain");

        using var response = await client.Http.PostAsync(TestClient.SubmitPath(dialect), content);

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), response.StatusCode);
        Assert.Contains("body", (await TestClient.ReadJsonAsync(response)).ToString(), StringComparison.Ordinal);
    }

    private static VideoGenerationRequest With(WireDialect dialect, Action<VideoGenerationRequest> change)
    {
        var request = TestClient.Valid(dialect);
        change(request);
        return request;
    }

    private static VideoGenerationRequest ForbiddenPair(WireDialect dialect)
    {
        var provider = Cases.Provider(dialect);
        foreach (var model in provider.Models)
        {
            var mode = model.FindMode(VideoMode.TextToVideo);
            var all = mode?.Matrix.SelectMany(r => r.Durations).Distinct().ToArray() ?? Array.Empty<int>();
            foreach (var row in mode?.Matrix ?? Array.Empty<MatrixRow>())
            {
                var forbidden = all.Where(d => !row.Durations.Contains(d)).ToArray();
                if (forbidden.Length > 0)
                {
                    return new VideoGenerationRequest { Model = model.Id, Prompt = "cat", Resolution = provider.WireResolution(row.Resolution), Duration = forbidden[0] };
                }
            }
        }

        throw new InvalidOperationException("The spec has no forbidden pair for " + provider.Name);
    }

    private static VideoGenerationRequest MissingResolution(WireDialect dialect)
    {
        var provider = Cases.Provider(dialect);
        foreach (var model in provider.Models)
        {
            var mode = model.FindMode(VideoMode.TextToVideo);
            var missing = HailuoSpec.Resolutions.FirstOrDefault(r => mode is not null && mode.FindResolution(r.Name) is null);
            if (missing is not null)
            {
                return new VideoGenerationRequest { Model = model.Id, Prompt = "cat", Resolution = provider.WireResolution(missing.Name), Duration = provider.Defaults.Duration };
            }
        }

        throw new InvalidOperationException("Every text-to-video matrix of " + provider.Name + " has every resolution.");
    }

    private static VideoGenerationRequest MissingMode(WireDialect dialect)
    {
        var provider = Cases.Provider(dialect);
        var (model, mode) = provider.Models
            .SelectMany(m => Enum.GetValues<VideoMode>().Where(v => m.FindMode(v) is null).Select(v => (m, v)))
            .First();
        const string image = "https://example.com/frame.png";
        return new VideoGenerationRequest
        {
            Model = model.Id,
            Prompt = "cat",
            Mode = null,
            FirstFrameImage = mode is VideoMode.ImageToVideo or VideoMode.FirstAndLastFrame ? image : null,
            LastFrameImage = mode == VideoMode.FirstAndLastFrame ? image : null,
            SubjectReference = mode == VideoMode.SubjectReference ? new List<SubjectReference> { new() { Image = new List<string> { image } } } : null,
        };
    }
}
