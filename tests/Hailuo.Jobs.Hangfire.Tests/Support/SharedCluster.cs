namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>One PostgreSQL cluster for the test classes of this project; each test takes a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL cluster";
}
