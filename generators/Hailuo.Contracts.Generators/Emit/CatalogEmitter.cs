using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Emit.Refit;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>Emits the spec as runtime data: the catalog the validators, the simulator and the CLI read.</summary>
internal static class CatalogEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";

    public static string ClassName(SpecModel spec) => spec.FileStem + "Spec";

    public static string Emit(SpecModel spec, IReadOnlyList<RefitApi> apis)
    {
        var w = SourceWriter.File(spec.Namespace);
        w.Line("/// <summary>The facts of the spec file as data: providers, models, matrices, prices and limits.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Hailuo.Contracts.Generators\", \"1.0\")]");
        w.Open("public static partial class " + ClassName(spec));
        if (spec.Prompt is { } prompt)
        {
            w.Line("/// <summary>Prompt limits (" + Xml(prompt.Source) + ").</summary>");
            w.Line("public static " + Rt + "PromptLimits Prompt { get; } = new(MaxLength: " + Literals.Int(prompt.MaxLength) + ");");
            w.Line();
        }

        if (spec.Images is { } images)
        {
            w.Line("/// <summary>Image rules for first frame, last frame and subject images (" + Xml(images.Source) + ").</summary>");
            w.Line("public static " + Rt + "ImageLimits Images { get; } = new(");
            w.Line("    formats: " + Literals.StringArray(images.Formats) + ",");
            w.Line("    maxBytes: " + Literals.Int(images.MaxBytes) + ",");
            w.Line("    minShortEdgeExclusive: " + Literals.Int(images.MinShortEdgeExclusive) + ",");
            w.Line("    minAspectRatio: new(" + Literals.Int(images.MinAspectWidth) + ", " + Literals.Int(images.MinAspectHeight) + "),");
            w.Line("    maxAspectRatio: new(" + Literals.Int(images.MaxAspectWidth) + ", " + Literals.Int(images.MaxAspectHeight) + "),");
            w.Line("    boundsInclusive: " + Literals.Bool(images.BoundsInclusive) + ");");
            w.Line();
        }

        if (spec.Camera is { } camera)
        {
            w.Line("/// <summary>Camera commands written in square brackets inside the prompt (" + Xml(camera.Source) + ").</summary>");
            w.Line("public static " + Rt + "CameraCommandSet Camera { get; } = new(");
            w.Line("    maxPerBracket: " + Literals.Int(camera.MaxPerBracket) + ",");
            w.Line("    commands: " + Literals.StringArray(camera.Commands.Select(c => c.Name)) + ");");
            w.Line();
        }

        if (spec.Resolutions.Count > 0)
        {
            w.Line("/// <summary>Resolutions and the pixel size of a landscape 16:9 clip at each.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Rt + "ResolutionInfo> Resolutions { get; } = new " + Rt + "ResolutionInfo[]");
            w.Line("{");
            foreach (var r in spec.Resolutions)
            {
                w.Line("    new(" + Literals.String(r.Name) + ", Width: " + Literals.Int(r.Width) + ", Height: " + Literals.Int(r.Height) + "),");
            }

            w.Line("};");
            w.Line();
        }

        foreach (var dialect in spec.Dialects)
        {
            EmitDialect(w, dialect);
        }

        if (spec.Dialects.Count > 0)
        {
            w.Line("/// <summary>Every wire dialect of this spec file.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Rt + "DialectInfo> Dialects { get; } = new[] { " + string.Join(", ", spec.Dialects.Select(d => DialectMember(d.Name) + "Dialect")) + " };");
            w.Line();
        }

        if (spec.Tasks is { } tasks)
        {
            w.Line("/// <summary>Task timings: URL lifetime, callback challenge, polling advice, render times (" + Xml(tasks.Source) + ").</summary>");
            w.Line("public static " + Rt + "TaskTimings Tasks { get; } = new(");
            w.Line("    DownloadUrlLifetime: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.DownloadUrlLifetimeSeconds) + "),");
            w.Line("    CallbackChallenge: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.CallbackChallengeSeconds) + "),");
            w.Line("    PollInterval: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.PollIntervalSeconds) + "),");
            w.Line("    PollIntervalMax: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.PollIntervalMaxSeconds) + "),");
            w.Line("    PollIntervalWhenRateLimited: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.PollIntervalWhenRateLimitedSeconds) + "),");
            w.Line("    TypicalRenderMin: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.TypicalRenderMinSeconds) + "),");
            w.Line("    TypicalRenderMax: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.TypicalRenderMaxSeconds) + "),");
            w.Line("    LongestRender: global::System.TimeSpan.FromSeconds(" + Literals.Int(tasks.LongestRenderSeconds) + "));");
            w.Line();
        }

        foreach (var provider in spec.Providers)
        {
            EmitProvider(w, provider, apis.FirstOrDefault(a => a.Provider.Member == provider.Member));
        }

        w.Line("/// <summary>Every provider of this spec file.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + Rt + "ProviderInfo> Providers { get; } = new[] { " + string.Join(", ", spec.Providers.Select(p => p.Member)) + " };");
        w.Close();
        return w.ToString();
    }

    private static void EmitProvider(SourceWriter w, ProviderModel provider, RefitApi? api)
    {
        w.Line("/// <summary>" + Xml(provider.Name) + " (" + Xml(provider.Source) + ").</summary>");
        w.Line("public static " + Rt + "ProviderInfo " + provider.Member + " { get; } = new(");
        w.Line("    name: " + Literals.String(provider.Name) + ",");
        w.Line("    dialect: " + Rt + "WireDialect." + (provider.Dialect == "minimax" ? "MiniMax" : "ApiMart") + ",");
        w.Line("    baseUrl: new global::System.Uri(" + Literals.String(provider.BaseUrl) + "),");
        w.Line("    apiKeyEnvironmentVariable: " + Literals.String(provider.ApiKeyEnvironmentVariable) + ",");
        w.Line("    upperCaseResolution: " + Literals.Bool(provider.UpperCaseResolution) + ",");
        w.Line("    defaults: new(" + Literals.String(provider.DefaultResolution) + ", " + Literals.Int(provider.DefaultDuration) + ", PromptOptimizer: " + Literals.Bool(provider.DefaultPromptOptimizer) + "),");
        w.Line("    models: new " + Rt + "ModelInfo[]");
        w.Line("    {");
        foreach (var model in provider.Models)
        {
            w.Line("        new(");
            w.Line("            " + Literals.String(model.Id) + ",");
            w.Line("            prices: new " + Rt + "PriceInfo[] { " + string.Join(", ", model.Prices.Select(Price)) + " },");
            w.Line("            modes: new " + Rt + "ModeInfo[]");
            w.Line("            {");
            foreach (var mode in model.Modes)
            {
                var rows = mode.Matrix.Select(r => "new(" + Literals.String(r.Resolution) + ", " + Literals.IntArray(r.Durations) + ")");
                var requires = mode.Requires.Count == 0 ? string.Empty : ", requires: new[] { " + string.Join(", ", mode.Requires.Select(Literals.String)) + " }";
                w.Line("                new(" + Literals.Mode(mode.Mode) + ", new " + Rt + "MatrixRow[] { " + string.Join(", ", rows) + " }" + requires + "),");
            }

            var extras = new System.Collections.Generic.List<string>();
            if (model.DefaultResolution is not null)
            {
                extras.Add("defaults: new(" + Literals.String(model.DefaultResolution) + ", " + Literals.Int(model.DefaultDuration) + ")");
            }

            if (!model.CameraCommands)
            {
                extras.Add("cameraCommands: false");
            }

            w.Line("            }" + (extras.Count == 0 ? ")," : ","));
            for (var i = 0; i < extras.Count; i++)
            {
                w.Line("            " + extras[i] + (i == extras.Count - 1 ? ")," : ","));
            }
        }

        w.Line("    },");
        if (api is not null)
        {
            w.Line("    api: " + api.NewAdapter + ",");
        }

        w.Line("    validator: static () => new " + ValidatorEmitter.ClassName(provider) + "());");
        w.Line();
    }

    private static void EmitDialect(SourceWriter w, DialectModel dialect)
    {
        var member = DialectMember(dialect.Name);
        w.Line("/// <summary>The " + member + " wire dialect: endpoints, status words and error codes (" + Xml(dialect.Source) + ").</summary>");
        w.Line("public static " + Rt + "DialectInfo " + member + "Dialect { get; } = new(");
        w.Line("    dialect: " + Rt + "WireDialect." + member + ",");
        w.Line("    submit: " + Literals.String(dialect.Submit) + ",");
        w.Line("    status: " + Literals.String(dialect.Status) + ",");
        w.Line("    fileRetrieve: " + (dialect.FileRetrieve is null ? "null" : Literals.String(dialect.FileRetrieve)) + ",");
        w.Line("    statusWords: new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal)");
        w.Line("    {");
        foreach (var word in dialect.StatusWords)
        {
            w.Line("        [" + Literals.String(word.Wire) + "] = " + Literals.String(word.Meaning) + ",");
        }

        w.Line("    },");
        w.Line("    errorCodes: new global::System.Collections.Generic.Dictionary<int, string>");
        w.Line("    {");
        foreach (var code in dialect.ErrorCodes)
        {
            w.Line("        [" + code.Wire + "] = " + Literals.String(code.Meaning) + ",");
        }

        var extras = new System.Collections.Generic.List<string>();
        if (dialect.ErrorsInBody is { } inBody)
        {
            extras.Add("errorsInBody: " + Literals.Bool(inBody));
        }

        if (dialect.TraceIdHeader is { } header)
        {
            extras.Add("traceIdHeader: " + Literals.String(header));
        }

        w.Line("    }" + (extras.Count == 0 ? ");" : ","));
        for (var i = 0; i < extras.Count; i++)
        {
            w.Line("    " + extras[i] + (i == extras.Count - 1 ? ");" : ","));
        }
        w.Line();
    }

    private static string Price(PriceModel price) => price.Clips.Count == 0
        ? "new(" + Literals.String(price.Resolution) + ", " + Literals.Decimal(price.DollarsPerSecond) + ")"
        : "new(" + Literals.String(price.Resolution) + ", null, new global::System.Collections.Generic.Dictionary<int, decimal> { "
            + string.Join(", ", price.Clips.Select(c => "[" + Literals.Int(c.Seconds) + "] = " + Literals.Decimal(c.Dollars))) + " })";

    private static string DialectMember(string name) => name == "minimax" ? "MiniMax" : "ApiMart";

    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
