using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Emit.Refit;
using Hailuo.Contracts.Generators.Model;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// Emits the spec as runtime data: the catalog the validators, the simulator and the CLI read. The spec-wide part
/// (limits, dialects, timings, providers) reads the spec's outline; each model's facts go to a file of its own.
/// </summary>
internal static class CatalogEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";
    private const string List = "global::System.Collections.Generic.IReadOnlyList";
    private const string Seconds = "global::System.TimeSpan.FromSeconds";

    public static string ClassName(SpecModel spec) => spec.CatalogClass;

    public static string Emit(SpecModel spec, IReadOnlyList<RefitApi> apis)
    {
        var members = Blocks(
            4,
            spec.Prompt is { } prompt ? PromptMember(prompt) : null,
            spec.Images is { } images ? ImagesMember(images) : null,
            spec.Camera is { } camera ? CameraMember(camera) : null,
            spec.Resolutions.Count > 0 ? ResolutionsMember(spec.Resolutions) : null,
            Each(spec.Dialects, DialectMember, separator: "\n\n"),
            spec.Dialects.Count > 0 ? DialectsMember(spec.Dialects) : null,
            spec.Tasks is { } tasks ? TasksMember(tasks) : null,
            Each(spec.Providers, p => ProviderMember(p, apis.FirstOrDefault(a => a.Provider.Member == p.Member)), separator: "\n\n"),
            ProvidersMember(spec.Providers));
        return FileText(spec.Namespace, $$"""
            /// <summary>The facts of the spec file as data: providers, models, matrices, prices and limits.</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("Hailuo.Contracts.Generators", "1.0")]
            public static partial class {{spec.CatalogClass}}
            {
                {{members}}
            }
            """);
    }

    /// <summary>One model's facts: a method of the catalog class that its provider's entry calls once.</summary>
    public static string EmitModel(ModelUnit unit)
    {
        var model = unit.Model;
        var arguments = new List<string>
        {
            Literals.String(model.Id),
            $"prices: new {Rt}PriceInfo[] {{ {string.Join(", ", model.Prices.Select(Price))} }}",
            $$"""
            modes: new {{Rt}}ModeInfo[]
            {
                {{Each(model.Modes, Mode, 4)}}
            }
            """,
        };
        if (model.DefaultResolution is not null)
        {
            arguments.Add($"defaults: new({Literals.String(model.DefaultResolution)}, {Literals.Int(model.DefaultDuration)})");
        }

        if (!model.CameraCommands)
        {
            arguments.Add("cameraCommands: false");
        }

        return FileText(unit.Namespace, $$"""
            public static partial class {{unit.CatalogClass}}
            {
                /// <summary>{{Xml(model.Id)}} on {{Xml(unit.ProviderName)}}: prices, modes and defaults ({{Xml(model.Source)}}).</summary>
                private static {{Rt}}ModelInfo {{ModelMethod(unit.ProviderMember, model.Member)}}() => new(
                    {{Each(arguments, static a => a, 8, ",\n")}});
            }
            """);
    }

    /// <summary>The hint name of a model's catalog file.</summary>
    public static string ModelHintName(ModelUnit unit) => $"{unit.FileStem}.Catalog.{unit.ProviderMember}.{unit.Model.Member}.g.cs";

    private static string ModelMethod(string provider, string model) => $"{provider}{model}Model";

    private static string PromptMember(PromptModel prompt) => $$"""
        /// <summary>Prompt limits ({{Xml(prompt.Source)}}).</summary>
        public static {{Rt}}PromptLimits Prompt { get; } = new(MaxLength: {{Literals.Int(prompt.MaxLength)}});
        """;

    private static string ImagesMember(ImageRulesModel images) => $$"""
        /// <summary>Image rules for first frame, last frame and subject images ({{Xml(images.Source)}}).</summary>
        public static {{Rt}}ImageLimits Images { get; } = new(
            formats: {{Literals.StringArray(images.Formats)}},
            maxBytes: {{Literals.Int(images.MaxBytes)}},
            minShortEdgeExclusive: {{Literals.Int(images.MinShortEdgeExclusive)}},
            minAspectRatio: new({{Literals.Int(images.MinAspectWidth)}}, {{Literals.Int(images.MinAspectHeight)}}),
            maxAspectRatio: new({{Literals.Int(images.MaxAspectWidth)}}, {{Literals.Int(images.MaxAspectHeight)}}),
            boundsInclusive: {{Literals.Bool(images.BoundsInclusive)}});
        """;

    private static string CameraMember(CameraModel camera) => $$"""
        /// <summary>Camera commands written in square brackets inside the prompt ({{Xml(camera.Source)}}).</summary>
        public static {{Rt}}CameraCommandSet Camera { get; } = new(
            maxPerBracket: {{Literals.Int(camera.MaxPerBracket)}},
            commands: {{Literals.StringArray(camera.Commands.Select(c => c.Name))}});
        """;

    private static string ResolutionsMember(EquatableArray<ResolutionModel> resolutions) => $$"""
        /// <summary>Resolutions and the pixel size of a landscape 16:9 clip at each.</summary>
        public static {{List}}<{{Rt}}ResolutionInfo> Resolutions { get; } = new {{Rt}}ResolutionInfo[]
        {
            {{Each(resolutions, static r => $"new({Literals.String(r.Name)}, Width: {Literals.Int(r.Width)}, Height: {Literals.Int(r.Height)}),", 4)}}
        };
        """;

    private static string DialectsMember(EquatableArray<DialectModel> dialects) => $$"""
        /// <summary>Every wire dialect of this spec file.</summary>
        public static {{List}}<{{Rt}}DialectInfo> Dialects { get; } = new[] { {{string.Join(", ", dialects.Select(d => $"{DialectName(d.Name)}Dialect"))}} };
        """;

    private static string TasksMember(TaskTimingModel tasks) => $$"""
        /// <summary>Task timings: URL lifetime, callback challenge, polling advice, render times ({{Xml(tasks.Source)}}).</summary>
        public static {{Rt}}TaskTimings Tasks { get; } = new(
            DownloadUrlLifetime: {{Seconds}}({{Literals.Int(tasks.DownloadUrlLifetimeSeconds)}}),
            CallbackChallenge: {{Seconds}}({{Literals.Int(tasks.CallbackChallengeSeconds)}}),
            PollInterval: {{Seconds}}({{Literals.Int(tasks.PollIntervalSeconds)}}),
            PollIntervalMax: {{Seconds}}({{Literals.Int(tasks.PollIntervalMaxSeconds)}}),
            PollIntervalWhenRateLimited: {{Seconds}}({{Literals.Int(tasks.PollIntervalWhenRateLimitedSeconds)}}),
            TypicalRenderMin: {{Seconds}}({{Literals.Int(tasks.TypicalRenderMinSeconds)}}),
            TypicalRenderMax: {{Seconds}}({{Literals.Int(tasks.TypicalRenderMaxSeconds)}}),
            LongestRender: {{Seconds}}({{Literals.Int(tasks.LongestRenderSeconds)}}));
        """;

    private static string ProvidersMember(EquatableArray<ProviderModel> providers) => $$"""
        /// <summary>Every provider of this spec file.</summary>
        public static {{List}}<{{Rt}}ProviderInfo> Providers { get; } = new[] { {{string.Join(", ", providers.Select(p => p.Member))}} };
        """;

    private static string ProviderMember(ProviderModel provider, RefitApi? api)
    {
        var dialect = DialectName(provider.Dialect);
        var arguments = new List<string>
        {
            $"name: {Literals.String(provider.Name)}",
            $"dialect: {Rt}WireDialect.{dialect}",
            $"baseUrl: new global::System.Uri({Literals.String(provider.BaseUrl)})",
            $"apiKeyEnvironmentVariable: {Literals.String(provider.ApiKeyEnvironmentVariable)}",
            $"upperCaseResolution: {Literals.Bool(provider.UpperCaseResolution)}",
            $"defaults: new({Literals.String(provider.DefaultResolution)}, {Literals.Int(provider.DefaultDuration)}, PromptOptimizer: {Literals.Bool(provider.DefaultPromptOptimizer)})",
            $$"""
            models: new {{Rt}}ModelInfo[]
            {
                {{Each(provider.Models, m => $"{ModelMethod(provider.Member, m.Member)}(),", 4)}}
            }
            """,
        };
        if (api is not null)
        {
            arguments.Add($"api: {api.NewAdapter}");
        }

        arguments.Add($"validator: static () => new {ValidatorEmitter.ClassName(provider)}()");
        return $$"""
            /// <summary>{{Xml(provider.Name)}} ({{Xml(provider.Source)}}).</summary>
            public static {{Rt}}ProviderInfo {{provider.Member}} { get; } = new(
                {{Each(arguments, static a => a, 4, ",\n")}});
            """;
    }

    private static string DialectMember(DialectModel dialect)
    {
        var member = DialectName(dialect.Name);
        var arguments = new List<string>
        {
            $"dialect: {Rt}WireDialect.{member}",
            $"submit: {Literals.String(dialect.Submit)}",
            $"status: {Literals.String(dialect.Status)}",
            $"fileRetrieve: {(dialect.FileRetrieve is null ? "null" : Literals.String(dialect.FileRetrieve))}",
            $$"""
            statusWords: new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal)
            {
                {{Each(dialect.StatusWords, static w => $"[{Literals.String(w.Wire)}] = {Literals.String(w.Meaning)},", 4)}}
            }
            """,
            $$"""
            errorCodes: new global::System.Collections.Generic.Dictionary<int, string>
            {
                {{Each(dialect.ErrorCodes, static c => $"[{c.Wire}] = {Literals.String(c.Meaning)},", 4)}}
            }
            """,
        };
        if (dialect.ErrorsInBody is { } inBody)
        {
            arguments.Add($"errorsInBody: {Literals.Bool(inBody)}");
        }

        if (dialect.TraceIdHeader is { } header)
        {
            arguments.Add($"traceIdHeader: {Literals.String(header)}");
        }

        return $$"""
            /// <summary>The {{member}} wire dialect: endpoints, status words and error codes ({{Xml(dialect.Source)}}).</summary>
            public static {{Rt}}DialectInfo {{member}}Dialect { get; } = new(
                {{Each(arguments, static a => a, 4, ",\n")}});
            """;
    }

    private static string Mode(ModeModel mode)
    {
        var rows = string.Join(", ", mode.Matrix.Select(static r => $"new({Literals.String(r.Resolution)}, {Literals.IntArray(r.Durations)})"));
        var requires = mode.Requires.Count == 0 ? string.Empty : $", requires: {Literals.StringArray(mode.Requires)}";
        return $"new({Literals.Mode(mode.Mode)}, new {Rt}MatrixRow[] {{ {rows} }}{requires}),";
    }

    private static string Price(PriceModel price) => price.Clips.Count == 0
        ? $"new({Literals.String(price.Resolution)}, {Literals.Decimal(price.DollarsPerSecond)})"
        : $"new({Literals.String(price.Resolution)}, null, new global::System.Collections.Generic.Dictionary<int, decimal> {{ {string.Join(", ", price.Clips.Select(static c => $"[{Literals.Int(c.Seconds)}] = {Literals.Decimal(c.Dollars)}"))} }})";

    private static string DialectName(string name) => name == "minimax" ? "MiniMax" : "ApiMart";

    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
