using System.Text.Json;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// A submit in either dialect: parse, check by the spec's generated validators and the image inspector (no rule is
/// restated here), charge, create the task, start its callbacks.
/// </summary>
internal static class Submission
{
    public static async Task<IResult> HandleAsync(HttpContext context, WireDialect dialect, SimulatorState state)
    {
        VideoGenerationRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<VideoGenerationRequest>(context.Body(), WireJson.Requests);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return ErrorAnswer.Invalid(dialect, new[] { new FieldProblem(field, "HAILUO_JSON", $"'{field}' could not be read: {ex.Message}") });
        }

        if (request is null)
        {
            return ErrorAnswer.Invalid(dialect, new[] { new FieldProblem("body", "HAILUO_JSON", "The body must be a JSON object with at least 'model' and 'prompt'.") });
        }

        var problems = state.Validator(dialect).Validate(request).Errors
            .Select(f => new FieldProblem(f.PropertyName, f.ErrorCode, f.ErrorMessage))
            .ToList();
        ImageHeader? firstFrame = null;
        if (problems.Count == 0)
        {
            firstFrame = InspectImages(request, problems);
        }

        if (problems.Count > 0)
        {
            return ErrorAnswer.Invalid(dialect, problems);
        }

        var task = Create(context, dialect, state, request, firstFrame);
        if (!state.Account.TryCharge(task.Cost, () => state.Tasks.Add(task)))
        {
            var message = $"Insufficient balance: the task costs ${task.Cost:0.00} and the balance is ${state.Account.Balance:0.00}.";
            return dialect == WireDialect.ApiMart
                ? ErrorAnswer.Create(dialect, StatusCodes.Status402PaymentRequired, MiniMaxCodes.InsufficientBalance, "insufficient_balance", message)
                : Results.Json(new MiniMaxError(new BaseResp(MiniMaxCodes.InsufficientBalance, message), null), WireJson.Options);
        }

        await state.Callbacks.StartAsync(task, context.Request.BaseUrl()).ConfigureAwait(false);
        return dialect == WireDialect.ApiMart
            ? Results.Json(new ApiMartEnvelope<ApiMartSubmitted[]>(200, new[] { new ApiMartSubmitted(StatusBody.ApiMartWord(TaskPhase.Submitted, state.Options.ApiMartStatusWords), task.Id) }), WireJson.Options)
            : Results.Json(new MiniMaxSubmitted(task.Id, BaseResp.Success), WireJson.Options);
    }

    /// <summary>Decodes each data URL and checks its bytes; public URLs are not fetched. Returns the first frame's header.</summary>
    private static ImageHeader? InspectImages(VideoGenerationRequest request, List<FieldProblem> problems)
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
        ImageHeader? firstFrame = null;
        foreach (var (field, value) in images.Where(i => i.Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
        {
            var inspection = ImageInspector.InspectDataUrl(value);
            if (inspection.Problem is { } problem)
            {
                problems.Add(new FieldProblem(field, ValidationCodes.Image, $"'{field}': {problem}"));
            }
            else if (field == "first_frame_image")
            {
                firstFrame = inspection.Header;
            }
        }

        return firstFrame;
    }

    private static TaskRecord Create(HttpContext context, WireDialect dialect, SimulatorState state, VideoGenerationRequest request, ImageHeader? firstFrame)
    {
        var provider = SimulatorState.Provider(dialect);
        var resolution = provider.FindModel(request.Model)!.FindMode(request.EffectiveMode())!.FindResolution(request.Resolution ?? provider.Defaults.Resolution)!.Resolution;
        var size = HailuoSpec.Resolutions.First(r => string.Equals(r.Name, resolution, StringComparison.OrdinalIgnoreCase));

        // Image-to-video follows the first frame's orientation (seed 002): a portrait image gives a portrait clip.
        var portrait = firstFrame is { } frame && frame.Height > frame.Width;
        var now = state.Now;
        var number = state.Tasks.NextNumber();
        var options = state.Options;
        var finished = now + options.CompletedAfter;
        return new TaskRecord
        {
            Id = TaskStore.TaskId(dialect, number, now),
            Number = number,
            Dialect = dialect,
            Owner = context.Owner(),
            Model = request.Model!,
            Mode = request.EffectiveMode(),
            Resolution = resolution,
            Duration = request.Duration ?? provider.Defaults.Duration,
            Width = portrait ? size.Height : size.Width,
            Height = portrait ? size.Width : size.Height,
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
            FirstFrameImage = request.FirstFrameImage,
        };
    }
}
