using System.Collections.Generic;
using System.Linq;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>The facts of every spec file the compilation sees, merged for the analyzer.</summary>
internal sealed class UsageFacts
{
    private readonly IReadOnlyList<SpecModel> _specs;

    public UsageFacts(IReadOnlyList<SpecModel> specs)
    {
        _specs = specs;
        Camera = specs.Select(s => s.Camera).FirstOrDefault(c => c is not null);
        MaxPromptLength = specs.Select(s => s.Prompt?.MaxLength).FirstOrDefault(m => m is not null);
        ModelIds = specs.SelectMany(s => s.Providers).SelectMany(p => p.Models).Select(m => m.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
    }

    public CameraModel? Camera { get; }

    public int? MaxPromptLength { get; }

    public IReadOnlyList<string> ModelIds { get; }

    /// <summary>Every provider that offers the model id, with its facts for it.</summary>
    public IReadOnlyList<(ProviderModel Provider, ModelModel Model)> Offers(string id) =>
        _specs.SelectMany(s => s.Providers)
            .SelectMany(p => p.Models.Where(m => m.Id == id).Select(m => (p, m)))
            .ToList();
}
