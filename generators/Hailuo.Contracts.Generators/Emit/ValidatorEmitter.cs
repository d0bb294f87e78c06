using System.Linq;
using Hailuo.Contracts.Generators.Model;
using static Hailuo.Contracts.Generators.Emit.CatalogEmitter;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// Emits one FluentValidation validator per provider for the untyped request, over the catalog's lookup data,
/// and a registry that finds the validator for a provider.
/// </summary>
internal static class ValidatorEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";
    private const string Shipped = "global::Hailuo.Contracts.HailuoSpec";

    public static string ClassName(ProviderModel provider) => $"{provider.Member}RequestValidator";

    public static string Emit(SpecModel spec, ProviderModel provider)
    {
        var catalog = $"global::{spec.Namespace}.{CatalogEmitter.ClassName(spec)}";

        // A spec file without limits (a consumer's extra models) uses the limits of the shipped spec.
        var prompt = $"{(spec.Prompt is null ? Shipped : catalog)}.Prompt";
        var camera = $"{(spec.Camera is null ? Shipped : catalog)}.Camera";
        return FileText(spec.Namespace, $$"""
            /// <summary>Checks an untyped request against what {{Xml(provider.Name)}} allows ({{Xml(string.Join(", ", provider.Models.Select(m => m.Id)))}}) before any byte is sent.</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("Hailuo.Contracts.Generators", "1.0")]
            public sealed partial class {{ClassName(provider)}} : global::FluentValidation.AbstractValidator<{{Rt}}VideoGenerationRequest>
            {
                /// <summary>The provider whose rules this validator applies.</summary>
                public static {{Rt}}ProviderInfo Provider => {{catalog}}.{{provider.Member}};

                /// <summary>Builds the rules from the spec's catalog.</summary>
                public {{ClassName(provider)}}()
                {
                    // One rule runs every check in order (model, mode and matrix, prompt, images, callback URL): FluentValidation's cost per rule is more than a check's.
                    RuleFor(r => r).Custom((request, context) => {{Rt}}RequestChecks.All(Provider, {{prompt}}, {{camera}}, request, context));
                }
            }
            """, usings: "FluentValidation");
    }

    public static string EmitRegistry(SpecModel spec) => FileText(spec.Namespace, $$"""
        /// <summary>Finds the generated validator for a provider of this spec file.</summary>
        public static class {{spec.FileStem}}Validators
        {
            /// <summary>The validator for the provider with this name ({{string.Join(", ", spec.Providers.Select(p => $"\"{Xml(p.Name)}\""))}}), or null.</summary>
            public static global::FluentValidation.IValidator<{{Rt}}VideoGenerationRequest>? For(string provider) => provider switch
            {
                {{Each(spec.Providers, p => $"{Literals.String(p.Name)} => new {ClassName(p)}(),", 8)}}
                _ => null,
            };
        }
        """);
}
