using Microsoft.CodeAnalysis;

namespace Hailuo.Contracts.Generators.Diagnostics;

internal static class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor[] All =
    {
        DiagnosticDescriptors.InvalidJson,
        DiagnosticDescriptors.MissingProperty,
        DiagnosticDescriptors.WrongType,
        DiagnosticDescriptors.UnknownResolution,
        DiagnosticDescriptors.EmptyMatrix,
        DiagnosticDescriptors.Duplicate,
        DiagnosticDescriptors.MissingPrice,
        DiagnosticDescriptors.UnknownValue,
        DiagnosticDescriptors.InvalidMember,
        DiagnosticDescriptors.InvalidValue,
        DiagnosticDescriptors.UnknownProperty,
        DiagnosticDescriptors.UndefinedMode,
        DiagnosticDescriptors.UnknownModel,
        DiagnosticDescriptors.ForbiddenPair,
        DiagnosticDescriptors.UnknownCameraCommand,
        DiagnosticDescriptors.TooManyCameraCommands,
        DiagnosticDescriptors.PromptTooLong,
        DiagnosticDescriptors.UnclosedCameraBracket,
    };

    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }
}
