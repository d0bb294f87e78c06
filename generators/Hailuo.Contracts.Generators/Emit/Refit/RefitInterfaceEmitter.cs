using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>Emits a provider's Refit interface from its dialect's endpoint lines; not partial, so no user half can change it.</summary>
internal static class RefitInterfaceEmitter
{
    private const string R = "global::Refit.";

    public static string Emit(RefitApi api)
    {
        var w = SourceWriter.File(api.Namespace);
        w.Line("/// <summary>" + CatalogEmitter.Xml(api.Provider.Name) + "'s video API as a Refit interface, from the spec's " + api.Provider.Dialect + " endpoint lines. Get it with RestService.For, RestService.ForGenerated or services.AddRefitGeneratedClient.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Hailuo.Contracts.Generators\", \"1.0\")]");
        w.Line("[" + R + "Headers(\"Accept: application/json\")]");
        w.Open("public interface " + api.InterfaceName);
        var first = true;
        foreach (var method in api.Methods)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line("/// <summary>" + method.Summary + " " + CatalogEmitter.Xml(method.SpecLine) + "</summary>");
            w.Line("[" + R + method.Endpoint.Method + "(" + Literals.String(method.Endpoint.Route) + ")]");
            w.Line(method.ReturnType + " " + method.Name + "(" + Parameters(method) + ");");
        }

        w.Close();
        return w.ToString();
    }

    private static string Parameters(RefitMethod method)
    {
        var list = new System.Collections.Generic.List<string>();
        if (method.HasBody)
        {
            list.Add("[" + R + "Body] " + RefitMethod.RequestType + " request");
        }

        foreach (var parameter in method.Endpoint.Parameters)
        {
            list.Add("[" + R + "AliasAs(" + Literals.String(parameter.WireName) + ")]" + (parameter.InQuery ? "[" + R + "Query]" : string.Empty) + " string " + parameter.Name);
        }

        list.Add("[" + R + "Authorize(\"Bearer\")] string apiKey");
        list.Add("global::System.Threading.CancellationToken cancellationToken = default");
        return string.Join(", ", list);
    }
}
