using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// Emits one FluentValidation validator per provider for the untyped request, over the catalog's lookup data,
/// and a registry that finds the validator for a provider.
/// </summary>
internal static class ValidatorEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";
    private const string Shipped = "global::Hailuo.Contracts.HailuoSpec";

    public static string ClassName(ProviderModel provider) => provider.Member + "RequestValidator";

    public static string Emit(SpecModel spec, ProviderModel provider)
    {
        var catalog = "global::" + spec.Namespace + "." + CatalogEmitter.ClassName(spec);

        // A spec file without limits (a consumer's extra models) uses the limits of the shipped spec.
        var prompt = (spec.Prompt is null ? Shipped : catalog) + ".Prompt";
        var camera = (spec.Camera is null ? Shipped : catalog) + ".Camera";
        var models = string.Join(", ", provider.Models.Select(m => m.Id));
        var w = SourceWriter.File(spec.Namespace, "FluentValidation");
        w.Line("/// <summary>Checks an untyped request against what " + CatalogEmitter.Xml(provider.Name) + " allows (" + CatalogEmitter.Xml(models) + ") before any byte is sent.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Hailuo.Contracts.Generators\", \"1.0\")]");
        w.Open("public sealed partial class " + ClassName(provider) + " : global::FluentValidation.AbstractValidator<" + Rt + "VideoGenerationRequest>");
        w.Line("/// <summary>The provider whose rules this validator applies.</summary>");
        w.Line("public static " + Rt + "ProviderInfo Provider => " + catalog + "." + provider.Member + ";");
        w.Line();
        w.Line("/// <summary>Builds the rules from the spec's catalog.</summary>");
        w.Open("public " + ClassName(provider) + "()");
        w.Line("// Model known, then the mode it offers, then one cross-field rule for the resolution x duration pair.");
        w.Line("RuleFor(r => r.Model).Custom((model, context) => " + Rt + "RequestChecks.Model(Provider, model, context));");
        w.Line("RuleFor(r => r).Custom((request, context) => " + Rt + "RequestChecks.ModeAndMatrix(Provider, request, context));");
        w.Line("RuleFor(r => r).Custom((request, context) => " + Rt + "RequestChecks.Prompt(Provider, " + prompt + ", " + camera + ", request, context));");
        w.Line("RuleFor(r => r).Custom((request, context) => " + Rt + "RequestChecks.Images(request, context));");
        w.Line("RuleFor(r => r.CallbackUrl).Custom((url, context) => " + Rt + "RequestChecks.CallbackUrl(url, context));");
        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string EmitRegistry(SpecModel spec)
    {
        var w = SourceWriter.File(spec.Namespace);
        var name = spec.FileStem + "Validators";
        w.Line("/// <summary>Finds the generated validator for a provider of this spec file.</summary>");
        w.Open("public static class " + name);
        w.Line("/// <summary>The validator for the provider with this name (\"" + string.Join("\", \"", spec.Providers.Select(p => CatalogEmitter.Xml(p.Name))) + "\"), or null.</summary>");
        w.Open("public static global::FluentValidation.IValidator<" + Rt + "VideoGenerationRequest>? For(string provider) => provider switch");
        foreach (var provider in spec.Providers)
        {
            w.Line(Literals.String(provider.Name) + " => new " + ClassName(provider) + "(),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Close();
        return w.ToString();
    }
}
