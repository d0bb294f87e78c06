using FluentValidation;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Simulation;

/// <summary>The validator of a served provider: the generated one for a shipped provider, the same checks over a consumer's own.</summary>
internal static class ProviderValidator
{
    public static IValidator<VideoGenerationRequest> For(ProviderInfo provider)
    {
        if (HailuoSpec.Providers.Contains(provider) && HailuoValidators.For(provider.Name) is { } shipped)
        {
            return shipped;
        }

        // A consumer's provider has no generated validator in this assembly: the checks the generator emits, in its order.
        var validator = new InlineValidator<VideoGenerationRequest>();
        validator.RuleFor(r => r.Model).Custom((model, context) => RequestChecks.Model(provider, model, context));
        validator.RuleFor(r => r).Custom((request, context) => RequestChecks.ModeAndMatrix(provider, request, context));
        validator.RuleFor(r => r.Prompt).Custom((prompt, context) => RequestChecks.Prompt(HailuoSpec.Prompt, HailuoSpec.Camera, prompt, context));
        validator.RuleFor(r => r).Custom((request, context) => RequestChecks.Images(request, context));
        validator.RuleFor(r => r.CallbackUrl).Custom((url, context) => RequestChecks.CallbackUrl(url, context));
        return validator;
    }
}
