using System.Linq;
using Hailuo.Contracts.Generators.Model;
using static Hailuo.Contracts.Generators.Emit.SourceWriter;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>Emits the camera move enum and the resolution constants, when the spec file defines them.</summary>
internal static class ConstantsEmitter
{
    public static string? EmitCameraMoves(SpecModel spec) => spec.Camera is not { } camera ? null : FileText(spec.Namespace, $$"""
        /// <summary>A camera command of the prompt, such as [Pan left] ({{CatalogEmitter.Xml(camera.Source)}}).</summary>
        public enum CameraMove
        {
            {{Each(camera.Commands, static c => $"/// <summary>[{CatalogEmitter.Xml(c.Name)}]</summary>\n{c.Member},", 4)}}
        }

        /// <summary>The words of each camera move as the prompt writes them.</summary>
        public static class CameraMoveNames
        {
            /// <summary>The command as written inside the brackets, such as "Pan left".</summary>
            public static string ToCommand(this CameraMove move) => move switch
            {
                {{Each(camera.Commands, static c => $"CameraMove.{c.Member} => {Literals.String(c.Name)},", 8)}}
                _ => throw new global::System.ArgumentOutOfRangeException(nameof(move), move, "Not a camera move of the spec."),
            };
        }
        """);

    public static string? EmitResolutions(SpecModel spec) => spec.Resolutions.Count == 0 ? null : FileText(spec.Namespace, $$"""
        /// <summary>Resolution names as the spec writes them.</summary>
        public static class Resolutions
        {
            {{Each(spec.Resolutions, Resolution, 4, "\n\n")}}

            /// <summary>Every resolution of the spec, lowest first.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } = new[] { {{string.Join(", ", spec.Resolutions.Select(static r => r.Member))}} };
        }
        """);

    private static string Resolution(ResolutionModel r) => $$"""
        /// <summary>{{r.Name}}: {{Literals.Int(r.Width)}} x {{Literals.Int(r.Height)}} pixels for a landscape 16:9 clip.</summary>
        public const string {{r.Member}} = {{Literals.String(r.Name)}};
        """;
}
