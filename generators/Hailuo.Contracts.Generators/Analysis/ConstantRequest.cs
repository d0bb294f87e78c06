using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>
/// What a VideoGenerationRequest is given, in its object initializer and in later assignments to the same local:
/// the constant values and where they stand. A property set more than once, or to a value unknown at compile time,
/// counts as unknown, so nothing is reported that the code might not do.
/// </summary>
internal sealed class ConstantRequest
{
    // The properties read here, one bit each: two flag words per request instead of two hash sets (3,000 requests a method).
    private static readonly string[] Properties = { "Model", "Resolution", "Duration", "Prompt", "Mode", "FirstFrameImage", "LastFrameImage", "SubjectReference" };
    private const int ModeProperties = 0b1111_0000;

    private int _set;
    private int _unknown;

    public (string Value, Location Location)? Model { get; private set; }

    public (string Value, Location Location)? Resolution { get; private set; }

    public (int Value, Location Location)? Duration { get; private set; }

    public (string Value, Location Location)? Prompt { get; private set; }

    public VideoMode? ExplicitMode { get; private set; }

    public bool HasFirstFrame { get; private set; }

    public bool HasLastFrame { get; private set; }

    public bool HasSubject { get; private set; }

    /// <summary>Whether the mode is known: every property that decides it was set at most once, to a constant where it matters.</summary>
    public bool ModeKnown => (_unknown & ModeProperties) == 0;

    public static ConstantRequest Read(IObjectOrCollectionInitializerOperation? initializer)
    {
        var request = new ConstantRequest();
        if (initializer is not null)
        {
            foreach (var child in initializer.Initializers)
            {
                if (child is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    request.Set(property.Property.Name, assignment.Value);
                }
            }
        }

        return request;
    }

    /// <summary>One assignment of a property (null: a change to a value not known here); a second one makes it unknown.</summary>
    public void Set(string property, IOperation? assigned)
    {
        // Properties that decide nothing here (a callback URL, say) are not tracked.
        var index = System.Array.IndexOf(Properties, property);
        if (index < 0)
        {
            return;
        }

        var bit = 1 << index;
        var again = (_set & bit) != 0;
        _set |= bit;
        if (again || assigned is null)
        {
            Forget(property, bit);
            return;
        }

        var value = Unwrap(assigned);
        var constant = value.ConstantValue;
        var location = value.Syntax.GetLocation();
        var isNull = constant.HasValue && constant.Value is null;
        switch (property)
        {
            case "Model" when constant.Value is string model:
                Model = (model, location);
                break;
            case "Resolution" when constant.Value is string resolution:
                Resolution = (resolution, location);
                break;
            case "Duration" when constant.Value is int duration:
                Duration = (duration, location);
                break;
            case "Prompt" when constant.Value is string prompt:
                Prompt = (prompt, location);
                break;
            case "Mode" when constant.Value is int mode && System.Enum.IsDefined(typeof(VideoMode), mode):
                ExplicitMode = (VideoMode)mode;
                break;
            case "Mode":
                Forget(property, bit);
                break;
            case "FirstFrameImage":
                HasFirstFrame = !isNull;
                break;
            case "LastFrameImage":
                HasLastFrame = !isNull;
                break;
            case "SubjectReference":
                HasSubject = !isNull;
                break;
        }
    }

    /// <summary>The mode, decided as VideoGenerationRequest.EffectiveMode decides it (the rule core's); only meaningful when <see cref="ModeKnown"/>.</summary>
    public VideoMode Mode() => VideoModeNames.Effective(ExplicitMode, HasFirstFrame, HasLastFrame, HasSubject);

    private void Forget(string property, int bit)
    {
        _unknown |= bit;
        switch (property)
        {
            case "Model":
                Model = null;
                break;
            case "Resolution":
                Resolution = null;
                break;
            case "Duration":
                Duration = null;
                break;
            case "Prompt":
                Prompt = null;
                break;
        }
    }

    /// <summary>Implicit conversions (int to int?, for one) hide the constant one level down.</summary>
    public static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;
}
