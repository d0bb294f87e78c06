using System.Collections.Generic;
using System.Linq;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>
/// Emits the implementations of a spec's Refit interfaces in the shape Refit 16's own generator gives them (bodies on
/// Refit.GeneratedRequestRunner), registers them in a module initializer (Refit's generator cannot see our output), and
/// emits per provider the adapter HailuoClient calls, which sends through that implementation on the client's HttpClient.
/// </summary>
internal static class RefitImplementationEmitter
{
    private const string R = "global::Refit.";
    private const string Runner = "global::Refit.GeneratedRequestRunner.";
    private const string Http = "global::System.Net.Http.";
    private const string GeneratedCode = """[global::System.CodeDom.Compiler.GeneratedCode("Hailuo.Contracts.Generators", "1.0")]""";

    public static string ClassName(string fileStem) => $"{fileStem}RefitImplementations";

    public static string Emit(string ns, string fileStem, IReadOnlyList<RefitApi> apis) => FileText(ns, nullable: "#nullable enable annotations\n#nullable disable warnings", body: $$"""
        /// <summary>The Refit implementations of this spec's interfaces, registered with Refit when the assembly loads, and the adapters HailuoClient calls.</summary>
        {{GeneratedCode}}
        [global::System.Diagnostics.DebuggerNonUserCode]
        [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
        internal static class {{ClassName(fileStem)}}
        {
            #if NET5_0_OR_GREATER
            /// <summary>Hands Refit a factory per interface, as Refit's own generator does for the interfaces it sees.</summary>
            [global::System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The ModuleInitializer attribute should not be used in libraries", Justification = "Generated Refit factories must be registered before any RestService call.")]
            [global::System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Initialize()
            {
                {{Each(apis, Registrations, 8)}}
            }
            #endif

            {{Each(apis, api => Blocks(0, Implementation(api), Adapter(api)), 4, "\n\n")}}
        }
        """);

    private static string Registrations(RefitApi api) => $$"""
        {{R}}RestService.RegisterGeneratedFactory<{{api.FullName}}>(static (client, requestBuilder) => new {{api.ImplementationName}}(client, requestBuilder));
        {{R}}RestService.RegisterGeneratedSettingsFactory<{{api.FullName}}>(static (client, settings) => new {{api.ImplementationName}}(client, settings));
        """;

    private static string Implementation(RefitApi api) => $$"""
        /// <summary>Refit implementation of {{api.InterfaceName}}; its request builders also serve the adapter below.</summary>
        {{GeneratedCode}}
        private sealed class {{api.ImplementationName}} : {{api.FullName}}
        {
            private readonly {{R}}RefitSettings _settings;

            public {{api.ImplementationName}}({{Http}}HttpClient client, {{R}}IRequestBuilder requestBuilder)
            {
                Client = client;
                _settings = requestBuilder.Settings;
            }

            public {{api.ImplementationName}}({{Http}}HttpClient client, {{R}}RefitSettings settings)
            {
                Client = client;
                _settings = settings;
            }

            public {{Http}}HttpClient Client { get; }

            {{Each(api.Methods, m => Method(api, m), 4, "\n\n")}}
        }
        """;

    private static string Adapter(RefitApi api) => $$"""
        /// <summary>What HailuoClient calls for {{CatalogEmitter.Xml(api.Provider.Name)}}: the requests the Refit implementation above builds, with absolute URIs, so the client's own HttpClient sends them.</summary>
        {{GeneratedCode}}
        internal sealed class {{api.AdapterName}} : global::Hailuo.Contracts.{{(api.Provider.Dialect == "minimax" ? "MiniMaxApi" : "ApiMartApi")}}
        {
            public override global::System.Type InterfaceType => typeof({{api.FullName}});

            {{Each(api.Methods, m => Override(api, m), 4, "\n\n")}}
        }
        """;

    private static string Override(RefitApi api, RefitMethod method)
    {
        var (type, name) = method.HasBody ? (RefitMethod.RequestType, "request") : ("string", method.Endpoint.Parameters[0].Name);
        return $$"""
            protected override {{Http}}HttpRequestMessage {{Stem(method)}}Request({{Http}}HttpClient client, global::System.Uri baseAddress, {{type}} {{name}}, string apiKey, global::System.Threading.CancellationToken cancellationToken) =>
                {{api.ImplementationName}}.{{Builder(method)}}(Settings, client, baseAddress, {{name}}, apiKey, cancellationToken);
            """;
    }

    private static string Method(RefitApi api, RefitMethod method)
    {
        var parameters = method.Endpoint.Parameters;
        var signature = string.Join(", ", Parameters(method).Select(p => p.Declaration));
        var arguments = string.Join(", ", Parameters(method).Select(p => p.Argument));
        var route = Literals.String(method.Endpoint.Route);
        var path = parameters.Where(p => !p.InQuery).ToList();
        var query = parameters.Where(p => p.InQuery).ToList();
        var pathRoute = path.Count == 0
            ? route
            : $"{Runner}BuildRequestPath({route}, refitSettings.AllowUnmatchedRouteParameters, [{string.Join(", ", path.Select(p => $"(({Literals.Int(p.Start)}, {Literals.Int(p.End)}), {Formatted(method, p)})"))}])";
        var relative = query.Count == 0 ? pathRoute : "refitQueryBuilder.Build()";
        var send = $"{Runner}SendAsync<{R}ApiResponse<{method.Answer}>, {method.Answer}>(this.Client, {Builder(method)}(_settings, this.Client, null, {arguments}), _settings, true, true, {(method.HasBody ? "_settings.Buffered" : "false")}, @cancellationToken)";

        // Placeholders that render nothing (no parameters, no query, no body) leave no line.
        return $$"""
            {{string.Concat(parameters.Select(p => $"{AttributeProviderField(method, p)}\n\n"))}}public {{method.ReturnType}} {{method.Name}}({{signature}}) =>
                {{send}};

            /// <summary>The request of {{method.Name}}: relative to the client's base address as Refit resolves it, or absolute under the given base.</summary>
            internal static {{Http}}HttpRequestMessage {{Builder(method)}}({{R}}RefitSettings refitSettings, {{Http}}HttpClient refitClient, global::System.Uri? refitBaseAddress, {{signature}})
            {
                {{(parameters.Count > 0 ? $"var refitUseDefaultFormatting = {Runner}UsesDefaultUrlParameterFormatting(refitSettings);" : string.Empty)}}
                {{(query.Count > 0 ? $"var refitQueryBuilder = new {R}GeneratedQueryStringBuilder({pathRoute}, false);" : string.Empty)}}
                {{Each(query, p => QueryParameter(method, p), 4)}}
                var refitRequest = new {{Http}}HttpRequestMessage(
                    {{Http}}HttpMethod.{{method.Endpoint.Method}},
                    refitBaseAddress is null ? {{Runner}}BuildRelativeUri(refitClient, {{relative}}, refitSettings.UrlResolution) : global::Hailuo.Contracts.ProviderApi.Under(refitBaseAddress, {{relative}}));
                {{(method.HasBody ? Body : string.Empty)}}
                {{Runner}}SetHeader(refitRequest, "Accept", "application/json", refitSettings.ValidateHeaders);
                {{Runner}}SetHeader(refitRequest, "Authorization", $"Bearer {@apiKey?.ToString()}", refitSettings.ValidateHeaders);
                {{Runner}}AddConfiguredRequestOptions(refitRequest, refitSettings, typeof({{api.FullName}}));
                {{Runner}}AddRequestProperty<string>(refitRequest, {{R}}HttpRequestMessageOptions.MethodName, {{Literals.String(method.Name)}});
                {{Runner}}AddRequestProperty<string>(refitRequest, {{R}}HttpRequestMessageOptions.RelativePathTemplate, {{route}});
                if (refitSettings.CaptureMethodArguments) { {{Runner}}AddRequestProperty<object?[]>(refitRequest, {{R}}HttpRequestMessageOptions.MethodArguments, new object?[] { {{arguments}} }); }
                return refitRequest;
            }
            """;
    }

    /// <summary>The body's two statements, as Refit writes them for a [Body] parameter.</summary>
    private static string Body => Indent($$"""
        refitRequest.Content = {{Runner}}CreateBodyContent<{{RefitMethod.RequestType}}>(refitSettings, @request, {{R}}BodySerializationMethod.Default, !refitSettings.Buffered);
        refitRequest.Content = {{Runner}}CompressBodyContent(refitRequest.Content, refitSettings, {{R}}RequestCompression.Default, global::System.IO.Compression.CompressionLevel.Optimal);
        """, 4);

    private static string QueryParameter(RefitMethod method, EndpointParameter p) => $$"""
        if (@{{p.Name}} != null)
        {
            refitQueryBuilder.AddPreEscapedKey({{Literals.String(p.WireName)}}, {{Formatted(method, p)}}, false);
        }
        """;

    /// <summary>The C# parameters of a method, as declared and as passed on: the body, the endpoint's placeholders, the key and the token.</summary>
    private static IEnumerable<(string Declaration, string Argument)> Parameters(RefitMethod method)
    {
        if (method.HasBody)
        {
            yield return ($"{RefitMethod.RequestType} @request", "@request");
        }

        foreach (var p in method.Endpoint.Parameters)
        {
            yield return ($"string @{p.Name}", $"@{p.Name}");
        }

        yield return ("string @apiKey", "@apiKey");
        yield return ("global::System.Threading.CancellationToken @cancellationToken", "@cancellationToken");
    }

    /// <summary>"Submit" of "SubmitAsync": the stem the builder and the adapter's override are named by.</summary>
    private static string Stem(RefitMethod method) => method.Name.Substring(0, method.Name.Length - "Async".Length);

    private static string Builder(RefitMethod method) => $"Build{Stem(method)}Request";

    private static string Formatted(RefitMethod method, EndpointParameter p) =>
        $"refitUseDefaultFormatting ? (@{p.Name}) : {Runner}FormatUrlParameter(refitSettings, @{p.Name}, {ProviderField(method, p)}, typeof(string))";

    private static string ProviderField(RefitMethod method, EndpointParameter p) => $"______{method.Name}_{p.Name}AttributeProvider";

    /// <summary>
    /// The field's type is the provider class itself: Refit 16 passes it on as System.Reflection.ICustomAttributeProvider,
    /// Refit 17 as Refit.IParameterAttributeProvider, and the class converts to either, so one output builds on both.
    /// </summary>
    private static string AttributeProviderField(RefitMethod method, EndpointParameter p)
    {
        var alias = $"new {R}AliasAsAttribute({Literals.String(p.WireName)})";
        return p.InQuery
            ? $"private static readonly {R}GeneratedParameterAttributeProvider {ProviderField(method, p)} = new {R}GeneratedParameterAttributeProvider(new global::System.Collections.Generic.Dictionary<global::System.Type, object[]>() {{ {{ typeof({R}AliasAsAttribute), new object[] {{ {alias} }} }}, {{ typeof({R}QueryAttribute), new object[] {{ new {R}QueryAttribute() }} }} }});"
            : $"private static readonly {R}GeneratedSingleTypeParameterAttributeProvider {ProviderField(method, p)} = new {R}GeneratedSingleTypeParameterAttributeProvider(typeof({R}AliasAsAttribute), new object[] {{ {alias} }});";
    }
}
