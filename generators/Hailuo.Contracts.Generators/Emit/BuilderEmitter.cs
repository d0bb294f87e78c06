using System.Linq;
using Hailuo.Contracts.Generators.Model;
using static Hailuo.Contracts.Generators.Emit.CatalogEmitter;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// Emits one typed builder per model: mode, then resolution, then duration, where only the pairs the
/// spec allows exist as members, so a forbidden pair is a compile error. A mode's entry takes the images the spec's
/// modes name and calls the draft factory named after the mode.
/// </summary>
internal static class BuilderEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";

    public static string Emit(ModelUnit unit)
    {
        var model = unit.Model;

        // A duration stage does not depend on the mode (the draft carries it): modes that allow the same durations share one.
        var durationStages = model.Modes
            .SelectMany(mode => mode.Matrix.Select(row => (Name: DurationStageName(model, mode, row), mode.Mode, Row: row)))
            .GroupBy(s => s.Name, (name, stages) => DurationStage(unit.ProviderName, model, name, stages.First().Mode, stages.First().Row));
        var classes = new[] { ModelClass(unit) }
            .Concat(model.Modes.Select(mode => ModeStage(unit.ProviderName, model, mode)))
            .Concat(durationStages);
        return FileText($"{unit.Namespace}.{unit.ProviderMember}", Each(classes, static c => c, separator: "\n\n"));
    }

    private static string ModelClass(ModelUnit unit)
    {
        var model = unit.Model;
        var durations = model.Modes.SelectMany(m => m.Matrix).SelectMany(r => r.Durations).Distinct().OrderBy(s => s);
        return $$"""
            /// <summary>{{Xml(model.Id)}} on {{Xml(unit.ProviderName)}}: {{string.Join(", ", model.Modes.Select(m => m.Mode))}} ({{Xml(model.Source)}}).</summary>
            public static partial class {{model.Member}}
            {
                /// <summary>The model id on the wire.</summary>
                public const string ModelId = {{Literals.String(model.Id)}};

                /// <summary>Finishes a request with a pair the stages know to be allowed; its cost comes from the catalog.</summary>
                internal static {{Rt}}TypedVideoRequest Complete({{Rt}}VideoDraft draft, string resolution, int seconds) => draft.Complete(global::{{unit.Namespace}}.{{unit.CatalogClass}}.{{unit.ProviderMember}}, ModelId, resolution, seconds);

                {{Each(model.Modes.Where(m => m.Inputs is not null), m => Entries(model, m, m.Inputs!), 4, "\n\n")}}

                /// <summary>Every duration, in seconds, that some mode and resolution of this model allows.</summary>
                public static class Durations
                {
                    {{Each(durations, Duration, 8)}}
                }
            }
            """;
    }

    private static string Duration(int seconds) => $$"""
        /// <summary>{{Literals.Int(seconds)}} seconds.</summary>
        public const int Seconds{{Literals.Int(seconds)}} = {{Literals.Int(seconds)}};
        """;

    /// <summary>A mode's entries: with a prompt, and without one where the spec says the prompt is optional and the mode carries an image.</summary>
    private static string Entries(ModelModel model, ModeModel mode, ModeInputModel inputs)
    {
        var stage = StageName(model, mode);
        var member = Literals.ModeMember(mode.Mode);
        var images = inputs.Images.Select(i => $"{Rt}ImageReference {i.Parameter}").ToList();
        var names = inputs.Images.Select(i => i.Parameter).ToList();
        var withPrompt = $$"""
            /// <summary>Starts a request for {{mode.Mode}}; then choose a resolution: {{string.Join(", ", mode.Matrix.Select(r => r.Resolution))}}.</summary>
            public static {{stage}} {{member}}({{string.Join(", ", images.Prepend($"{Rt}Prompt prompt"))}}) => new({{Rt}}VideoDraft.{{member}}({{string.Join(", ", names.Prepend("prompt"))}}));
            """;
        var withoutPrompt = mode.RequiresPrompt || inputs.Images.Count == 0 ? null : $$"""
            /// <summary>Starts a request for {{mode.Mode}} without a prompt, which the provider documents as optional ({{Xml(mode.Source)}}).</summary>
            public static {{stage}} {{member}}({{string.Join(", ", images)}}) => new({{Rt}}VideoDraft.{{member}}({{string.Join(", ", names)}}));
            """;
        return Blocks(0, withPrompt, withoutPrompt);
    }

    private static string ModeStage(string provider, ModelModel model, ModeModel mode) => $$"""
        /// <summary>{{Xml(model.Id)}} {{mode.Mode}} on {{Xml(provider)}}: choose a resolution.</summary>
        public sealed class {{StageName(model, mode)}}
        {
            private readonly {{Rt}}VideoDraft _draft;

            internal {{StageName(model, mode)}}({{Rt}}VideoDraft draft) => _draft = draft;

            {{Each(mode.Matrix, row => ResolutionChoice(model, mode, row), 4, "\n\n")}}
        }
        """;

    private static string ResolutionChoice(ModelModel model, ModeModel mode, MatrixRowModel row) => $$"""
        /// <summary>{{row.Resolution}}: then {{string.Join(" or ", row.Durations.Select(d => Literals.Int(d)))}} seconds.</summary>
        public {{DurationStageName(model, mode, row)}} At{{row.Resolution}}() => new(_draft);
        """;

    /// <summary>A stage that chooses the duration; its summary names the mode when the stage is that mode's own.</summary>
    private static string DurationStage(string provider, ModelModel model, string stage, string mode, MatrixRowModel row) => $$"""
        /// <summary>{{Xml(model.Id)}}{{(stage == $"{model.Member}At{row.Resolution}" ? string.Empty : $" {mode}")}} at {{row.Resolution}} on {{Xml(provider)}}: choose a duration.</summary>
        public sealed class {{stage}}
        {
            private readonly {{Rt}}VideoDraft _draft;

            internal {{stage}}({{Rt}}VideoDraft draft) => _draft = draft;

            {{Each(row.Durations, seconds => DurationChoice(model, row, seconds), 4, "\n\n")}}
        }
        """;

    private static string DurationChoice(ModelModel model, MatrixRowModel row, int seconds) => $$"""
        /// <summary>{{Literals.Int(seconds)}} seconds at {{row.Resolution}}.</summary>
        public {{Rt}}TypedVideoRequest Seconds{{Literals.Int(seconds)}}() => {{model.Member}}.Complete(_draft, {{Literals.String(row.Resolution)}}, {{Literals.Int(seconds)}});
        """;

    private static string StageName(ModelModel model, ModeModel mode) => $"{model.Member}{Literals.ModeMember(mode.Mode)}";

    /// <summary>The model's stage at a resolution, such as Hailuo02At768p; named by mode too where modes allow different durations there.</summary>
    private static string DurationStageName(ModelModel model, ModeModel mode, MatrixRowModel row)
    {
        var shared = model.Modes.SelectMany(m => m.Matrix).Where(r => r.Resolution == row.Resolution).All(r => r.Durations == row.Durations);
        return $"{(shared ? model.Member : StageName(model, mode))}At{row.Resolution}";
    }
}
