using Microsoft.CodeAnalysis;

namespace Hailuo.Contracts.Generators.Diagnostics;

/// <summary>Every diagnostic the spec generator reports. IDs are stable and never reused (docs/diagnostics/).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Hailuo.Spec";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "HLU0001", "The spec is not valid JSON", "The spec is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor MissingProperty = Error(
        "HLU0002", "A required spec property is missing", "'{0}' is missing the required property '{1}'");

    public static readonly DiagnosticDescriptor WrongType = Error(
        "HLU0003", "A spec value has the wrong type", "'{0}' must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor UnknownResolution = Error(
        "HLU0004", "Unknown resolution", "'{0}' names the resolution '{1}', which the spec does not define; known resolutions: {2}");

    public static readonly DiagnosticDescriptor EmptyMatrix = Error(
        "HLU0005", "Empty resolution x duration matrix", "'{0}' allows nothing: {1}");

    public static readonly DiagnosticDescriptor Duplicate = Error(
        "HLU0006", "Duplicate spec entry", "{0} '{1}' is defined more than once in '{2}'");

    public static readonly DiagnosticDescriptor MissingPrice = Error(
        "HLU0007", "Missing price", "Model '{0}' of provider '{1}' has no price for resolution '{2}' (write null if the price is not published)");

    public static readonly DiagnosticDescriptor UnknownValue = Error(
        "HLU0008", "Unknown spec value", "'{0}' is '{1}', which is not allowed; allowed: {2}");

    public static readonly DiagnosticDescriptor InvalidMember = Error(
        "HLU0009", "Invalid C# member name", "'{0}' is '{1}', which is not a C# identifier starting with an upper-case letter");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "HLU0010", "Invalid spec value", "'{0}' is '{1}': {2}");

    public static readonly DiagnosticDescriptor UnknownProperty = new(
        "HLU0011",
        "Unknown spec property",
        "'{0}' has the unknown property '{1}'; known properties: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndefinedMode = new(
        "HLU0012",
        "Mode without inputs",
        "Model '{0}' offers the mode '{1}', which neither this spec's 'modes' nor a packaged spec defines; its builder has no entry for it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownModel = Usage(
        "HLU1001", "Unknown model", "'model' is '{0}', which no provider of the spec offers; allowed: {1}");

    public static readonly DiagnosticDescriptor ForbiddenPair = Usage(
        "HLU1002", "Resolution x duration not allowed", "{0}");

    public static readonly DiagnosticDescriptor UnknownCameraCommand = Usage(
        "HLU1003", "Unknown camera command", "The prompt's camera bracket '{0}' has the unknown command '{1}'; allowed: {2}");

    public static readonly DiagnosticDescriptor TooManyCameraCommands = Usage(
        "HLU1004", "Too many camera commands in one bracket", "The prompt's camera bracket '{0}' has {1} commands; at most {2} are allowed in one bracket");

    public static readonly DiagnosticDescriptor PromptTooLong = Usage(
        "HLU1005", "Prompt too long", "The prompt has {0} characters; at most {1} are allowed");

    public static readonly DiagnosticDescriptor UnclosedCameraBracket = Usage(
        "HLU1006", "Camera bracket without its closing ']'", "The prompt's camera bracket {0} '{1}' has no closing ']'");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Untyped requests with constant values the spec forbids: errors, since the provider would refuse them.
    private static DiagnosticDescriptor Usage(string id, string title, string message) =>
        new(id, title, message, "Hailuo.Usage", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/diagnostics/" + id + ".md");
}
