using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Hailuo.Contracts.Generators.Model;

/// <summary>
/// One model with what its files need to know of the spec and the provider: the unit of the per-model pipeline node,
/// so an edit to one model re-emits only that model's files.
/// </summary>
internal sealed record ModelUnit(string FileStem, string Namespace, string ProviderName, string ProviderMember, ModelModel Model)
{
    /// <summary>The generated catalog class of the spec file, such as HailuoSpec.</summary>
    public string CatalogClass => SpecModel.CatalogClassOf(FileStem);

    /// <summary>
    /// Every model of the spec, in the spec's (sorted) order of providers and models, each mode with its inputs: from
    /// the spec's own "modes", else from the packaged spec read beside it.
    /// </summary>
    public static ImmutableArray<ModelUnit> All(SpecModel? spec, EquatableArray<ModeInputModel> packaged = default)
    {
        if (spec is null)
        {
            return ImmutableArray<ModelUnit>.Empty;
        }

        var inputs = spec.ModeInputs.Concat(packaged).ToList();
        return spec.Providers
            .SelectMany(p => p.Models.Select(m => new ModelUnit(spec.FileStem, spec.Namespace, p.Name, p.Member, WithInputs(m, inputs))))
            .ToImmutableArray();
    }

    private static ModelModel WithInputs(ModelModel model, List<ModeInputModel> inputs) => model with
    {
        Modes = model.Modes.Select(mode => mode with { Inputs = inputs.FirstOrDefault(i => i.Mode == mode.Mode) }).ToEquatableArray(),
    };
}
