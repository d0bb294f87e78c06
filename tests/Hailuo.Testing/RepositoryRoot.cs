namespace Hailuo.Testing;

/// <summary>The checkout the tests run from, found by walking up to Hailuo.Contracts.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root.</summary>
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Hailuo.Contracts.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Hailuo.Contracts.sln) was not found above " + AppContext.BaseDirectory);
    }
}
