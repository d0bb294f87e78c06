using FluentValidation;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Simulation;

/// <summary>The validator of a served provider: the one its generated catalog hands out, a consumer's own provider included.</summary>
internal static class ProviderValidator
{
    public static IValidator<VideoGenerationRequest> For(ProviderInfo provider) =>
        provider.CreateValidator()
        ?? throw new InvalidOperationException($"Provider '{provider.Name}' has no generated validator; build it from a *.hailuo.spec.json with the Hailuo.Contracts generator.");
}
