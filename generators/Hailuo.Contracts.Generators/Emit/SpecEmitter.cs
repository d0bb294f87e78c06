using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Emit.Refit;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Emit;

/// <summary>
/// The generated files, in two kinds: spec-wide and per-provider files from the spec's outline, and each model's own
/// files from its <see cref="ModelUnit"/>. Each kind is ordered by hint name so output is deterministic.
/// </summary>
internal static class SpecEmitter
{
    /// <summary>Files that read only the outline: limits, dialects, providers, validators and Refit interfaces.</summary>
    public static IReadOnlyList<GeneratedFile> EmitSpec(SpecModel outline, EquatableArray<DialectModel> shippedDialects)
    {
        var stem = outline.FileStem;
        var apis = outline.Providers.Select(p => RefitApi.For(outline, p, shippedDialects)).Where(a => a is not null).Select(a => a!).ToList();
        var files = new List<GeneratedFile>
        {
            new($"{stem}.Catalog.g.cs", CatalogEmitter.Emit(outline, apis)),
            new($"{stem}.Validators.g.cs", ValidatorEmitter.EmitRegistry(outline)),
        };
        Add(files, $"{stem}.CameraMove.g.cs", ConstantsEmitter.EmitCameraMoves(outline));
        Add(files, $"{stem}.Resolutions.g.cs", ConstantsEmitter.EmitResolutions(outline));
        files.AddRange(apis.Select(api => new GeneratedFile($"{stem}.{api.InterfaceName}.g.cs", RefitInterfaceEmitter.Emit(api))));
        if (apis.Count > 0)
        {
            files.Add(new($"{stem}.RefitImplementations.g.cs", RefitImplementationEmitter.Emit(outline.Namespace, stem, apis)));
        }

        files.AddRange(outline.Providers.Select(p => new GeneratedFile($"{stem}.{p.Member}.Validator.g.cs", ValidatorEmitter.Emit(outline, p))));
        return Ordered(files);
    }

    /// <summary>One model's files: its typed builder and its facts in the catalog.</summary>
    public static IReadOnlyList<GeneratedFile> EmitModel(ModelUnit unit) => Ordered(new List<GeneratedFile>
    {
        new($"{unit.FileStem}.{unit.ProviderMember}.{unit.Model.Member}.g.cs", BuilderEmitter.Emit(unit)),
        new(CatalogEmitter.ModelHintName(unit), CatalogEmitter.EmitModel(unit)),
    });

    private static List<GeneratedFile> Ordered(List<GeneratedFile> files) => files.OrderBy(f => f.HintName, System.StringComparer.Ordinal).ToList();

    private static void Add(List<GeneratedFile> files, string hintName, string? text)
    {
        if (text is not null)
        {
            files.Add(new(hintName, text));
        }
    }
}

internal sealed record GeneratedFile(string HintName, string Text);
