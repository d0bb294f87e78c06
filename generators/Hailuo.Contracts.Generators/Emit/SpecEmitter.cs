using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Emit.Refit;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>All generated files of one spec, ordered by hint name so output is deterministic.</summary>
internal static class SpecEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(SpecModel spec, EquatableArray<DialectModel> shippedDialects)
    {
        var apis = spec.Providers.Select(p => RefitApi.For(spec, p, shippedDialects)).Where(a => a is not null).Select(a => a!).ToList();
        var files = new List<GeneratedFile>
        {
            new(spec.FileStem + ".Catalog.g.cs", CatalogEmitter.Emit(spec, apis)),
            new(spec.FileStem + ".Validators.g.cs", ValidatorEmitter.EmitRegistry(spec)),
        };
        Add(files, spec.FileStem + ".CameraMove.g.cs", ConstantsEmitter.EmitCameraMoves(spec));
        Add(files, spec.FileStem + ".Resolutions.g.cs", ConstantsEmitter.EmitResolutions(spec));
        foreach (var api in apis)
        {
            files.Add(new(spec.FileStem + "." + api.InterfaceName + ".g.cs", RefitInterfaceEmitter.Emit(api)));
        }

        if (apis.Count > 0)
        {
            files.Add(new(spec.FileStem + ".RefitImplementations.g.cs", RefitImplementationEmitter.Emit(spec.Namespace, spec.FileStem, apis)));
        }

        foreach (var provider in spec.Providers)
        {
            files.Add(new(spec.FileStem + "." + provider.Member + ".Validator.g.cs", ValidatorEmitter.Emit(spec, provider)));
            foreach (var model in provider.Models)
            {
                files.Add(new(spec.FileStem + "." + provider.Member + "." + model.Member + ".g.cs", BuilderEmitter.Emit(spec, provider, model)));
            }
        }

        return files.OrderBy(f => f.HintName, System.StringComparer.Ordinal).ToList();
    }

    private static void Add(List<GeneratedFile> files, string hintName, string? text)
    {
        if (text is not null)
        {
            files.Add(new(hintName, text));
        }
    }
}

internal sealed record GeneratedFile(string HintName, string Text);
