using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>What an object initializer of VideoGenerationRequest sets, with the constant values and where they stand.</summary>
internal sealed class ConstantRequest
{
    public (string Value, Location Location)? Model { get; private set; }

    public (string Value, Location Location)? Resolution { get; private set; }

    public (int Value, Location Location)? Duration { get; private set; }

    public (string Value, Location Location)? Prompt { get; private set; }

    public int? ExplicitMode { get; private set; }

    public bool HasFirstFrame { get; private set; }

    public bool HasLastFrame { get; private set; }

    public bool HasSubject { get; private set; }

    public static ConstantRequest Read(IObjectOrCollectionInitializerOperation initializer)
    {
        var request = new ConstantRequest();
        foreach (var child in initializer.Initializers)
        {
            if (child is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                continue;
            }

            var value = Unwrap(assignment.Value);
            var constant = value.ConstantValue;
            var location = value.Syntax.GetLocation();
            var isNull = constant.HasValue && constant.Value is null;
            switch (property.Property.Name)
            {
                case "Model" when constant.Value is string model:
                    request.Model = (model, location);
                    break;
                case "Resolution" when constant.Value is string resolution:
                    request.Resolution = (resolution, location);
                    break;
                case "Duration" when constant.Value is int duration:
                    request.Duration = (duration, location);
                    break;
                case "Prompt" when constant.Value is string prompt:
                    request.Prompt = (prompt, location);
                    break;
                case "Mode" when constant.Value is int mode:
                    request.ExplicitMode = mode;
                    break;
                case "FirstFrameImage":
                    request.HasFirstFrame = !isNull;
                    break;
                case "LastFrameImage":
                    request.HasLastFrame = !isNull;
                    break;
                case "SubjectReference":
                    request.HasSubject = !isNull;
                    break;
            }
        }

        return request;
    }

    /// <summary>The spec's mode word, as VideoGenerationRequest.EffectiveMode decides it; null when it cannot be known.</summary>
    public string Mode()
    {
        var modes = Parsing.SpecParser.Modes;
        if (ExplicitMode is { } mode && mode >= 0 && mode < modes.Length)
        {
            return modes[mode];
        }

        return HasSubject ? modes[3] : HasFirstFrame && HasLastFrame ? modes[2] : HasFirstFrame ? modes[1] : modes[0];
    }

    // Implicit conversions (int to int?, for one) hide the constant one level down.
    private static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;
}
