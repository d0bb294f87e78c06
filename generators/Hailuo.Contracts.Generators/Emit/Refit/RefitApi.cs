using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>The Refit interface of one provider: its dialect's endpoint lines and the wire body types each returns.</summary>
internal sealed class RefitApi
{
    private const string Wire = "global::Hailuo.Contracts.Transport.";

    private RefitApi(ProviderModel provider, string ns, string fileStem, IReadOnlyList<RefitMethod> methods)
    {
        Provider = provider;
        Namespace = ns;
        FileStem = fileStem;
        Methods = methods;
    }

    public ProviderModel Provider { get; }

    public string Namespace { get; }

    /// <summary>The spec file's stem, which names the class holding the implementations.</summary>
    public string FileStem { get; }

    public string InterfaceName => $"I{Provider.Member}VideoApi";

    public string FullName => $"global::{Namespace}.{InterfaceName}";

    public string ImplementationName => $"{Provider.Member}VideoApi";

    /// <summary>The adapter HailuoClient calls: a subclass of the runtime's dialect base.</summary>
    public string AdapterName => $"{Provider.Member}VideoCalls";

    /// <summary>How the catalog creates the adapter.</summary>
    public string NewAdapter => $"new {RefitImplementationEmitter.ClassName(FileStem)}.{AdapterName}()";

    public IReadOnlyList<RefitMethod> Methods { get; }

    /// <summary>The provider's API, from its own spec's dialect lines or else the shipped spec's; null when neither has the dialect.</summary>
    public static RefitApi? For(SpecModel spec, ProviderModel provider, EquatableArray<DialectModel> shipped)
    {
        var dialect = spec.Dialects.FirstOrDefault(d => d.Name == provider.Dialect) ?? shipped.FirstOrDefault(d => d.Name == provider.Dialect);
        if (dialect is null)
        {
            return null;
        }

        var miniMax = dialect.Name == "minimax";
        var status = miniMax ? "MiniMaxAnswer" : "ApiMartTaskAnswer";
        var lines = new List<(string Name, string Line, string Answer, bool Body, string Summary)>
        {
            ("SubmitAsync", dialect.Submit, miniMax ? "MiniMaxAnswer" : "ApiMartSubmitAnswer", true, "Creates a video task (paid): the spec's submit line."),
            ("GetTaskAsync", dialect.Status, status, false, "Reads a task's status: the spec's status line."),
        };
        if (dialect.FileRetrieve is { } file)
        {
            lines.Add(("RetrieveFileAsync", file, "MiniMaxAnswer", false, "Turns a finished task's file id into a download URL: the spec's fileRetrieve line."));
        }

        var methods = new List<RefitMethod>();
        foreach (var (name, line, answer, body, summary) in lines)
        {
            var endpoint = RefitEndpoint.Parse(line);
            if (endpoint is null)
            {
                return null;
            }

            methods.Add(new RefitMethod(name, endpoint, $"{Wire}{answer}", body, summary, line));
        }

        return new RefitApi(provider, spec.Namespace, spec.FileStem, methods);
    }
}

/// <summary>One method of a generated Refit interface.</summary>
internal sealed record RefitMethod(string Name, RefitEndpoint Endpoint, string Answer, bool HasBody, string Summary, string SpecLine)
{
    public const string RequestType = "global::Hailuo.Contracts.VideoGenerationRequest";

    public string ReturnType => $"global::System.Threading.Tasks.Task<global::Refit.ApiResponse<{Answer}>>";
}
