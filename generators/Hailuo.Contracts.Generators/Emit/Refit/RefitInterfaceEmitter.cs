using System.Collections.Generic;
using System.Linq;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>Emits a provider's Refit interface from its dialect's endpoint lines; not partial, so no user half can change it.</summary>
internal static class RefitInterfaceEmitter
{
    private const string R = "global::Refit.";

    public static string Emit(RefitApi api) => FileText(api.Namespace, $$"""
        /// <summary>{{CatalogEmitter.Xml(api.Provider.Name)}}'s video API as a Refit interface, from the spec's {{api.Provider.Dialect}} endpoint lines. Get it with RestService.For, RestService.ForGenerated or services.AddRefitGeneratedClient.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("Hailuo.Contracts.Generators", "1.0")]
        [{{R}}Headers("Accept: application/json")]
        public interface {{api.InterfaceName}}
        {
            {{Each(api.Methods, Method, 4, "\n\n")}}
        }
        """);

    private static string Method(RefitMethod method) => $$"""
        /// <summary>{{method.Summary}} {{CatalogEmitter.Xml(method.SpecLine)}}</summary>
        [{{R}}{{method.Endpoint.Method}}({{Literals.String(method.Endpoint.Route)}})]
        {{method.ReturnType}} {{method.Name}}({{string.Join(", ", Parameters(method))}});
        """;

    private static IEnumerable<string> Parameters(RefitMethod method)
    {
        if (method.HasBody)
        {
            yield return $"[{R}Body] {RefitMethod.RequestType} request";
        }

        foreach (var parameter in method.Endpoint.Parameters)
        {
            yield return $"[{R}AliasAs({Literals.String(parameter.WireName)})]{(parameter.InQuery ? $"[{R}Query]" : string.Empty)} string {parameter.Name}";
        }

        yield return $"[{R}Authorize(\"Bearer\")] string apiKey";
        yield return "global::System.Threading.CancellationToken cancellationToken = default";
    }
}
