using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// Emits one typed builder per model: mode, then resolution, then duration, where only the pairs the
/// spec allows exist as members, so a forbidden pair is a compile error.
/// </summary>
internal static class BuilderEmitter
{
    private const string Rt = "global::Hailuo.Contracts.";

    public static string Emit(ModelUnit unit)
    {
        var model = unit.Model;
        var w = SourceWriter.File(unit.Namespace + "." + unit.ProviderMember);
        var providerRef = "global::" + unit.Namespace + "." + unit.CatalogClass + "." + unit.ProviderMember;
        var modes = string.Join(", ", model.Modes.Select(m => m.Mode));
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + " on " + CatalogEmitter.Xml(unit.ProviderName) + ": " + modes + " (" + CatalogEmitter.Xml(model.Source) + ").</summary>");
        w.Open("public static partial class " + model.Member);
        w.Line("/// <summary>The model id on the wire.</summary>");
        w.Line("public const string ModelId = " + Literals.String(model.Id) + ";");
        w.Line();
        w.Line("/// <summary>Finishes a request with a pair the stages know to be allowed; its cost comes from the catalog.</summary>");
        w.Line("internal static " + Rt + "TypedVideoRequest Complete(" + Rt + "VideoDraft draft, string resolution, int seconds) => draft.Complete(" + providerRef + ", ModelId, resolution, seconds);");
        foreach (var mode in model.Modes)
        {
            w.Line();
            EmitEntry(w, model, mode);
        }

        w.Line();
        w.Line("/// <summary>Every duration, in seconds, that some mode and resolution of this model allows.</summary>");
        w.Open("public static class Durations");
        foreach (var seconds in model.Modes.SelectMany(m => m.Matrix).SelectMany(r => r.Durations).Distinct().OrderBy(s => s))
        {
            w.Line("/// <summary>" + Literals.Int(seconds) + " seconds.</summary>");
            w.Line("public const int Seconds" + Literals.Int(seconds) + " = " + Literals.Int(seconds) + ";");
        }

        w.Close();
        w.Close();
        foreach (var mode in model.Modes)
        {
            EmitModeStage(w, unit.ProviderName, model, mode);
        }

        // A duration stage does not depend on the mode (the draft carries it): modes that allow the same durations share one.
        var stages = model.Modes.SelectMany(mode => mode.Matrix.Select(row => (Name: DurationStageName(model, mode, row), Mode: mode.Mode, Row: row)))
            .GroupBy(s => s.Name);
        foreach (var stage in stages)
        {
            var row = stage.First().Row;
            var shown = stage.Key == model.Member + "At" + row.Resolution ? string.Empty : " " + stage.First().Mode;
            EmitResolutionStage(w, unit.ProviderName, model, stage.Key, shown, row);
        }

        return w.ToString();
    }

    private static void EmitEntry(SourceWriter w, ModelModel model, ModeModel mode)
    {
        var stage = StageName(model, mode);
        var member = Literals.ModeMember(mode.Mode);
        w.Line("/// <summary>Starts a request for " + mode.Mode + "; then choose a resolution: " + string.Join(", ", mode.Matrix.Select(r => r.Resolution)) + ".</summary>");
        switch (mode.Mode)
        {
            case "text-to-video":
                w.Line("public static " + stage + " " + member + "(" + Rt + "Prompt prompt) => new(" + Rt + "VideoDraft.TextToVideo(prompt));");
                break;
            case "image-to-video":
                w.Line("public static " + stage + " " + member + "(" + Rt + "Prompt prompt, " + Rt + "ImageReference firstFrame) => new(" + Rt + "VideoDraft.ImageToVideo(prompt, firstFrame));");
                WithoutPrompt(w, mode, stage, member, "firstFrame", "VideoDraft.ImageToVideo(firstFrame)");
                break;
            case "first-and-last-frame":
                w.Line("public static " + stage + " " + member + "(" + Rt + "Prompt prompt, " + Rt + "ImageReference firstFrame, " + Rt + "ImageReference lastFrame) => new(" + Rt + "VideoDraft.FirstAndLastFrame(prompt, firstFrame, lastFrame));");
                WithoutPrompt(w, mode, stage, member, "firstFrame, " + Rt + "ImageReference lastFrame", "VideoDraft.FirstAndLastFrame(firstFrame, lastFrame)");
                break;
            default:
                w.Line("public static " + stage + " " + member + "(" + Rt + "Prompt prompt, " + Rt + "ImageReference subject) => new(" + Rt + "VideoDraft.SubjectReference(prompt, subject));");
                WithoutPrompt(w, mode, stage, member, "subject", "VideoDraft.SubjectReference(subject)");
                break;
        }
    }

    private static void EmitModeStage(SourceWriter w, string provider, ModelModel model, ModeModel mode)
    {
        var stage = StageName(model, mode);
        w.Line();
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + " " + mode.Mode + " on " + CatalogEmitter.Xml(provider) + ": choose a resolution.</summary>");
        w.Open("public sealed class " + stage);
        w.Line("private readonly " + Rt + "VideoDraft _draft;");
        w.Line();
        w.Line("internal " + stage + "(" + Rt + "VideoDraft draft) => _draft = draft;");
        foreach (var row in mode.Matrix)
        {
            var seconds = string.Join(" or ", row.Durations.Select(d => Literals.Int(d)));
            w.Line();
            w.Line("/// <summary>" + row.Resolution + ": then " + seconds + " seconds.</summary>");
            w.Line("public " + DurationStageName(model, mode, row) + " At" + row.Resolution + "() => new(_draft);");
        }

        w.Close();
    }

    private static void EmitResolutionStage(SourceWriter w, string provider, ModelModel model, string stage, string modes, MatrixRowModel row)
    {
        w.Line();
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + modes + " at " + row.Resolution + " on " + CatalogEmitter.Xml(provider) + ": choose a duration.</summary>");
        w.Open("public sealed class " + stage);
        w.Line("private readonly " + Rt + "VideoDraft _draft;");
        w.Line();
        w.Line("internal " + stage + "(" + Rt + "VideoDraft draft) => _draft = draft;");
        foreach (var seconds in row.Durations)
        {
            w.Line();
            w.Line("/// <summary>" + Literals.Int(seconds) + " seconds at " + row.Resolution + ".</summary>");
            w.Line("public " + Rt + "TypedVideoRequest Seconds" + Literals.Int(seconds) + "() => " + model.Member + ".Complete(_draft, " + Literals.String(row.Resolution) + ", " + Literals.Int(seconds) + ");");
        }

        w.Close();
    }

    /// <summary>Where the spec says the mode's prompt is optional, an entry without one exists too.</summary>
    private static void WithoutPrompt(SourceWriter w, ModeModel mode, string stage, string member, string images, string draft)
    {
        if (mode.RequiresPrompt)
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>Starts a request for " + mode.Mode + " without a prompt, which the provider documents as optional (" + CatalogEmitter.Xml(mode.Source) + ").</summary>");
        w.Line("public static " + stage + " " + member + "(" + Rt + "ImageReference " + images + ") => new(" + Rt + draft + ");");
    }

    private static string StageName(ModelModel model, ModeModel mode) => model.Member + Literals.ModeMember(mode.Mode);

    /// <summary>The model's stage at a resolution, such as Hailuo02At768p; named by mode too where modes allow different durations there.</summary>
    private static string DurationStageName(ModelModel model, ModeModel mode, MatrixRowModel row)
    {
        var shared = model.Modes.SelectMany(m => m.Matrix).Where(r => r.Resolution == row.Resolution).All(r => r.Durations == row.Durations);
        return (shared ? model.Member : StageName(model, mode)) + "At" + row.Resolution;
    }
}
