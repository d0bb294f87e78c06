using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>Emits the camera move enum and the resolution constants, when the spec file defines them.</summary>
internal static class ConstantsEmitter
{
    public static string? EmitCameraMoves(SpecModel spec)
    {
        if (spec.Camera is not { } camera)
        {
            return null;
        }

        var w = SourceWriter.File(spec.Namespace);
        w.Line("/// <summary>A camera command of the prompt, such as [Pan left] (" + CatalogEmitter.Xml(camera.Source) + ").</summary>");
        w.Open("public enum CameraMove");
        foreach (var command in camera.Commands)
        {
            w.Line("/// <summary>[" + CatalogEmitter.Xml(command.Name) + "]</summary>");
            w.Line(command.Member + ",");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>The words of each camera move as the prompt writes them.</summary>");
        w.Open("public static class CameraMoveNames");
        w.Line("/// <summary>The command as written inside the brackets, such as \"Pan left\".</summary>");
        w.Open("public static string ToCommand(this CameraMove move) => move switch");
        foreach (var command in camera.Commands)
        {
            w.Line("CameraMove." + command.Member + " => " + Literals.String(command.Name) + ",");
        }

        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(move), move, \"Not a camera move of the spec.\"),");
        w.Close(";");
        w.Close();
        return w.ToString();
    }

    public static string? EmitResolutions(SpecModel spec)
    {
        if (spec.Resolutions.Count == 0)
        {
            return null;
        }

        var w = SourceWriter.File(spec.Namespace);
        w.Line("/// <summary>Resolution names as the spec writes them.</summary>");
        w.Open("public static class Resolutions");
        foreach (var r in spec.Resolutions)
        {
            w.Line("/// <summary>" + r.Name + ": " + Literals.Int(r.Width) + " x " + Literals.Int(r.Height) + " pixels for a landscape 16:9 clip.</summary>");
            w.Line("public const string " + r.Member + " = " + Literals.String(r.Name) + ";");
            w.Line();
        }

        w.Line("/// <summary>Every resolution of the spec, lowest first.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new[] { " + string.Join(", ", spec.Resolutions.Select(r => r.Member)) + " };");
        w.Close();
        return w.ToString();
    }
}
