using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>The facts of every spec file the compilation sees, merged for the analyzer.</summary>
internal sealed class UsageFacts
{
    private static readonly IReadOnlyList<(ProviderModel Provider, ModelModel Model)> None = System.Array.Empty<(ProviderModel, ModelModel)>();
    private readonly Dictionary<string, List<(ProviderModel Provider, ModelModel Model)>> _offers = new();

    public UsageFacts(IReadOnlyList<SpecModel> specs)
    {
        foreach (var provider in specs.SelectMany(s => s.Providers))
        {
            foreach (var model in provider.Models)
            {
                if (!_offers.TryGetValue(model.Id, out var offers))
                {
                    _offers[model.Id] = offers = new List<(ProviderModel, ModelModel)>();
                }

                offers.Add((provider, model));
            }
        }

        Camera = specs.Select(s => s.Camera).FirstOrDefault(c => c is not null);
        CameraCommands = Camera?.Commands.Select(c => c.Name).ToList() ?? new List<string>();
        MaxPromptLength = specs.Select(s => s.Prompt?.MaxLength).FirstOrDefault(m => m is not null);
        ModelIds = specs.SelectMany(s => s.Providers).SelectMany(p => p.Models).Select(m => m.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
    }

    public CameraModel? Camera { get; }

    /// <summary>The camera commands' names, listed once rather than per prompt.</summary>
    public IReadOnlyList<string> CameraCommands { get; }

    public int? MaxPromptLength { get; }

    public IReadOnlyList<string> ModelIds { get; }

    /// <summary>Every provider that offers the model id, with its facts for it.</summary>
    public IReadOnlyList<(ProviderModel Provider, ModelModel Model)> Offers(string id) =>
        _offers.TryGetValue(id, out var offers) ? offers : None;
}
