using System.Globalization;
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

    public static string Emit(SpecModel spec, ProviderModel provider, ModelModel model)
    {
        var w = SourceWriter.File(spec.Namespace + "." + provider.Member);
        var providerRef = "global::" + spec.Namespace + "." + CatalogEmitter.ClassName(spec) + "." + provider.Member;
        var modes = string.Join(", ", model.Modes.Select(m => m.Mode));
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + " on " + CatalogEmitter.Xml(provider.Name) + ": " + modes + " (" + CatalogEmitter.Xml(model.Source) + ").</summary>");
        w.Open("public static partial class " + model.Member);
        w.Line("/// <summary>The model id on the wire.</summary>");
        w.Line("public const string ModelId = " + Literals.String(model.Id) + ";");
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
            EmitModeStage(w, provider, model, mode);
            foreach (var row in mode.Matrix)
            {
                EmitResolutionStage(w, provider, model, mode, row, providerRef);
            }
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

    private static void EmitModeStage(SourceWriter w, ProviderModel provider, ModelModel model, ModeModel mode)
    {
        var stage = StageName(model, mode);
        w.Line();
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + " " + mode.Mode + " on " + CatalogEmitter.Xml(provider.Name) + ": choose a resolution.</summary>");
        w.Open("public sealed class " + stage);
        w.Line("private readonly " + Rt + "VideoDraft _draft;");
        w.Line();
        w.Line("internal " + stage + "(" + Rt + "VideoDraft draft) => _draft = draft;");
        foreach (var row in mode.Matrix)
        {
            var seconds = string.Join(" or ", row.Durations.Select(d => Literals.Int(d)));
            w.Line();
            w.Line("/// <summary>" + row.Resolution + ": then " + seconds + " seconds.</summary>");
            w.Line("public " + stage + "At" + row.Resolution + " At" + row.Resolution + "() => new(_draft);");
        }

        w.Close();
    }

    private static void EmitResolutionStage(SourceWriter w, ProviderModel provider, ModelModel model, ModeModel mode, MatrixRowModel row, string providerRef)
    {
        var stage = StageName(model, mode) + "At" + row.Resolution;
        var price = model.Prices.FirstOrDefault(p => p.Resolution == row.Resolution);
        w.Line();
        w.Line("/// <summary>" + CatalogEmitter.Xml(model.Id) + " " + mode.Mode + " at " + row.Resolution + " on " + CatalogEmitter.Xml(provider.Name) + ": choose a duration.</summary>");
        w.Open("public sealed class " + stage);
        w.Line("private readonly " + Rt + "VideoDraft _draft;");
        w.Line();
        w.Line("internal " + stage + "(" + Rt + "VideoDraft draft) => _draft = draft;");
        foreach (var seconds in row.Durations)
        {
            w.Line();
            var dollars = Dollars(price, seconds);
            w.Line("/// <summary>" + Literals.Int(seconds) + " seconds at " + row.Resolution + "; estimated cost " + (dollars is null ? "unknown (price not published)" : "$" + decimal.Parse(dollars, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)) + ".</summary>");
            w.Line("public " + Rt + "TypedVideoRequest Seconds" + Literals.Int(seconds) + "() => _draft.Complete(" + providerRef + ", "
                + model.Member + ".ModelId, " + Literals.String(row.Resolution) + ", " + Literals.Int(seconds) + ", dollars: " + Literals.Decimal(dollars) + ");");
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

    /// <summary>The clip's price as an invariant literal: the per-clip price, else per second times seconds; null when unpublished.</summary>
    private static string? Dollars(PriceModel? price, int seconds)
    {
        if (price is null)
        {
            return null;
        }

        if (price.Clips.Count > 0)
        {
            return price.Clips.FirstOrDefault(c => c.Seconds == seconds)?.Dollars;
        }

        return price.DollarsPerSecond is null ? null : (decimal.Parse(price.DollarsPerSecond, CultureInfo.InvariantCulture) * seconds).ToString(CultureInfo.InvariantCulture);
    }
}
