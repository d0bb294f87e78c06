using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>
/// Tests that build with MSBuild run one at a time, so two builds never write the same obj folder;
/// they share one packing of the packages.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests : ICollectionFixture<PackedPackages>
{
    public const string Name = "processes";
}
