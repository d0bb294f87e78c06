using Xunit;

namespace Hailuo.EndToEnd.Tests;

/// <summary>Tests that build with MSBuild run one at a time, so two builds never write the same obj folder.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "processes";
}
