using System.Security.Cryptography;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// A submit in either dialect: parse, check by the spec's generated validators and the image inspector (no rule is
/// restated here), charge, create the task, start its callbacks.
/// </summary>
internal static class Submission
{
    public static async Task<WireAnswer> HandleAsync(WireExchange exchange, SimulatorState state)
    {
        var dialect = exchange.Dialect;
        var read = RequestReader.Read(exchange.Request.Body, state.Providers(dialect));
        if (read.Problems.Count > 0)
        {
            return ErrorAnswer.Invalid(dialect, read.Problems);
        }

        var request = read.Request!;
        var provider = state.Provider(dialect, request.Model);
        var problems = state.Validator(provider).Validate(request).Errors
            .Select(f => new FieldProblem(f.PropertyName, f.ErrorCode, f.ErrorMessage))
            .ToList();
        FirstFrameSummary? firstFrame = null;
        if (problems.Count == 0)
        {
            firstFrame = InspectImages(request, provider, problems);
        }

        if (problems.Count == 0 && SelfCallback.Problem(request.CallbackUrl, exchange.Request.BaseUrl, state) is { } selfCall)
        {
            problems.Add(selfCall);
        }

        if (problems.Count > 0)
        {
            return ErrorAnswer.Invalid(dialect, problems);
        }

        var task = Create(exchange, provider, state, request, firstFrame);
        if (!state.Account.TryCharge(task.Cost, () => state.Tasks.Add(task)))
        {
            var message = $"Insufficient balance: the task costs ${task.Cost:0.00} and the balance is ${state.Account.Balance:0.00}.";
            return dialect == WireDialect.ApiMart
                ? ErrorAnswer.Create(dialect, 402, ErrorMeanings.InsufficientBalance, "insufficient_balance", message)
                : WireAnswer.Json(new MiniMaxError(new BaseResp(SpecWords.MiniMaxCode(ErrorMeanings.InsufficientBalance), message), null));
        }

        exchange.TaskId = task.Id;
        await state.Callbacks.StartAsync(task, exchange.Request.BaseUrl).ConfigureAwait(false);
        return dialect == WireDialect.ApiMart
            ? WireAnswer.Json(new ApiMartEnvelope<ApiMartSubmitted[]>(200, new[] { new ApiMartSubmitted(SpecWords.ApiMartStatus(TaskPhase.Submitted, state.Options.ApiMartStatusWords), task.Id) }))
            : WireAnswer.Json(new MiniMaxSubmitted(task.Id, BaseResp.Success));
    }

    /// <summary>
    /// Decodes each data URL and checks its header and that the file is whole; public URLs are not fetched. Returns what
    /// the task keeps of the first frame.
    /// </summary>
    private static FirstFrameSummary? InspectImages(VideoGenerationRequest request, ProviderInfo provider, List<FieldProblem> problems)
    {
        var images = new List<(string Field, string Value)>();
        if (request.FirstFrameImage is { } first)
        {
            images.Add(("first_frame_image", first));
        }

        if (request.LastFrameImage is { } last)
        {
            images.Add(("last_frame_image", last));
        }

        images.AddRange((request.SubjectReference ?? Array.Empty<SubjectReference>()).SelectMany(s => s.Image).Select(i => ("subject_reference", i)));
        FirstFrameSummary? firstFrame = null;
        foreach (var (field, value) in images.Where(i => i.Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
        {
            // Decoded once here: ImageInspector.InspectDataUrl would decode it again for its own check.
            var bytes = ImageReferenceForm.Check(value) is null ? ImageCheck.Payload(value) : null;
            if (bytes is null)
            {
                problems.Add(new FieldProblem(field, ValidationCodes.Image, $"'{field}': {ImageInspector.InspectDataUrl(value).Problem ?? "The data URL's payload is not valid base64."}"));
                continue;
            }

            var inspection = ImageInspector.Inspect(bytes);
            if (inspection.Problem is { } problem)
            {
                problems.Add(new FieldProblem(field, ValidationCodes.Image, $"'{field}': {problem}"));
                continue;
            }

            var header = inspection.Header!.Value;
            FrameGeometry? geometry = null;
            if (field == "first_frame_image")
            {
                var (width, height) = VideoSize(provider, request, header);
                geometry = new FrameGeometry(width, height);
            }

            if (ImageCheck.Whole(bytes, header.Format, geometry, out var luma) is { } damage)
            {
                problems.Add(new FieldProblem(field, ValidationCodes.Image, $"'{field}': the {header.Format.ToSpecName()} image ({bytes.Length:N0} bytes) cannot be decoded: {damage}"));
            }
            else if (geometry is not null)
            {
                firstFrame = new FirstFrameSummary(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, header.Width, header.Height, luma);
            }
        }

        return firstFrame;
    }

    /// <summary>The clip's size: the resolution's, turned portrait when the first frame is (seed 002).</summary>
    private static (int Width, int Height) VideoSize(ProviderInfo provider, VideoGenerationRequest request, ImageHeader? firstFrame)
    {
        var resolution = provider.FindModel(request.Model)!.FindMode(request.EffectiveMode())!.FindResolution(provider.ResolutionFor(request))!.Resolution;
        var size = HailuoSpec.Resolutions.First(r => string.Equals(r.Name, resolution, StringComparison.OrdinalIgnoreCase));
        var portrait = firstFrame is { } frame && frame.Height > frame.Width;
        return portrait ? (size.Height, size.Width) : (size.Width, size.Height);
    }

    private static TaskRecord Create(WireExchange exchange, ProviderInfo provider, SimulatorState state, VideoGenerationRequest request, FirstFrameSummary? firstFrame)
    {
        var dialect = exchange.Dialect;
        var resolution = provider.FindModel(request.Model)!.FindMode(request.EffectiveMode())!.FindResolution(provider.ResolutionFor(request))!.Resolution;

        // Image-to-video follows the first frame's orientation (seed 002): a portrait image gives a portrait clip.
        var (width, height) = VideoSize(provider, request, firstFrame is { } f ? new ImageHeader(ImageFileFormat.Png, f.Width, f.Height) : null);
        var now = state.Now;
        var number = state.Tasks.NextNumber();
        var options = state.Options;
        var finished = now + options.CompletedAfter;
        return new TaskRecord
        {
            Id = TaskStore.TaskId(dialect, number, now),
            Number = number,
            Dialect = dialect,
            Owner = exchange.Owner,
            Prompt = request.Prompt ?? string.Empty,
            RequestId = exchange.RequestId,
            Model = request.Model!,
            Mode = request.EffectiveMode(),
            Resolution = resolution,
            Duration = provider.DurationFor(request),
            Width = width,
            Height = height,
            FileId = TaskStore.FileId(number),
            CreatedAt = now,
            QueuedAt = now + options.QueuedAfter,
            ProcessingAt = now + options.ProcessingAfter,
            FinishedAt = finished,
            UrlExpiresAt = finished + options.UrlLifetime,
            FileExpiresAt = finished + options.FileRetention,
            Cost = CostEstimate.For(provider, request).Dollars ?? 0m,
            Outcome = PromptMarkers.OutcomeOf(request.Prompt),
            CallbackUrl = request.CallbackUrl,
            FirstFrame = firstFrame,
        };
    }
}
