using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>Refit's own source generator, loaded from the NuGet cache, and the request-building calls of a generated Refit implementation.</summary>
internal static partial class RefitSeam
{
    /// <summary>The namespace the interface is compiled in for Refit's generator, beside the runtime's own copy.</summary>
    public const string CheckNamespace = "RefitSeamCheck";

    private static readonly Lazy<ISourceGenerator> Generator = new(Load);

    /// <summary>The Refit version the tests compiled against, which is the package whose generator is loaded.</summary>
    public static string RefitVersion => typeof(Refit.RestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>Runs Refit's generator over the sources and returns everything it emitted.</summary>
    public static IReadOnlyList<string> RunRefitGenerator(params string[] sources)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { Generator.Value }, parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        var result = driver.RunGenerators(GeneratorHarness.Compilation(sources)).GetRunResult();
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        return result.GeneratedTrees.Select(t => t.ToString()).ToList();
    }

    /// <summary>
    /// Per method of the classes implementing <paramref name="interfaceName"/>, the calls that build and send its request, normalised:
    /// no global::, one name per local (ours builds in a static method that takes the client, the settings and an optional base address).
    /// </summary>
    public static SortedDictionary<string, List<string>> RequestCalls(IEnumerable<string> sources, string interfaceName)
    {
        var calls = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var methods = sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot())
            .SelectMany(r => r.DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.BaseList?.Types.Any(t => t.ToString().EndsWith(interfaceName, StringComparison.Ordinal)) == true)
            .SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>().Select(m => (Class: c, Method: m)));
        foreach (var (type, method) in methods.Where(m => m.Method.Identifier.Text.EndsWith("Async", StringComparison.Ordinal)))
        {
            // Our interface method sends what a static builder of the same class builds: both bodies are the method's.
            var builder = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == "Build" + method.Identifier.Text[..^"Async".Length] + "Request");
            var nodes = new SyntaxNode[] { method }.Concat(builder is null ? Array.Empty<SyntaxNode>() : new SyntaxNode[] { builder });
            calls[method.Identifier.Text] = nodes
                .SelectMany(n => n.DescendantNodes())
                .Where(n => n is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax })
                .Select(Describe)
                .Where(d => d is not null)
                .Select(d => d!)
                .ToList();
        }

        return calls;
    }

    /// <summary>Lines that differ, as "-" (Refit's) and "+" (ours) per method; empty when the two agree.</summary>
    public static string Diff(SortedDictionary<string, List<string>> refit, SortedDictionary<string, List<string>> ours)
    {
        var lines = new List<string>();
        foreach (var name in refit.Keys.Union(ours.Keys).Order(StringComparer.Ordinal))
        {
            var theirs = refit.GetValueOrDefault(name) ?? new List<string>();
            var mine = ours.GetValueOrDefault(name) ?? new List<string>();
            var missing = theirs.Except(mine).Select(l => "  - " + l).ToList();
            var extra = mine.Except(theirs).Select(l => "  + " + l).ToList();
            if (missing.Count + extra.Count > 0)
            {
                lines.Add(name + " (- Refit " + RefitVersion + "'s generator, + ours):");
                lines.AddRange(missing);
                lines.AddRange(extra);
            }
        }

        return string.Join("\n", lines);
    }

    private static string? Describe(SyntaxNode node)
    {
        node = new OursAsRefits().Visit(node);
        var text = Normalise(node switch
        {
            InvocationExpressionSyntax call => call.Expression.ToString() + call.ArgumentList,
            ObjectCreationExpressionSyntax creation => "new " + creation.Type + creation.ArgumentList,
            AssignmentExpressionSyntax assignment => assignment.Left + " = ...",
            _ => string.Empty,
        });

        // The calls that shape the request on the wire: Refit's runner, the query builder, the message and its content.
        return text.StartsWith("Refit.", StringComparison.Ordinal) || text.StartsWith("new Refit.GeneratedQueryStringBuilder", StringComparison.Ordinal)
            || text.StartsWith("refitQueryBuilder.", StringComparison.Ordinal) || text.StartsWith("new System.Net.Http.HttpRequestMessage", StringComparison.Ordinal)
            || text.StartsWith("refitRequest.", StringComparison.Ordinal)
            ? text
            : null;
    }

    private static string Normalise(string code)
    {
        var text = Whitespace().Replace(code, " ").Replace("global::", string.Empty, StringComparison.Ordinal);
        text = AroundBrackets().Replace(text, "$1");
        text = Commas().Replace(text, ", ");

        // Private names that differ without changing the request: the attribute provider fields, the interface's namespace here.
        text = AttributeProvider().Replace(text, "<attribute provider>");
        return text
            .Replace(CheckNamespace + ".", "Hailuo.Contracts.", StringComparison.Ordinal)
            .Replace("refitClient", "this.Client", StringComparison.Ordinal)
            .Replace("_settings", "refitSettings", StringComparison.Ordinal);
    }

    private static ISourceGenerator Load()
    {
        var root = typeof(RefitSeam).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var analyzers = Path.Combine(root, "refit", RefitVersion, "analyzers", "dotnet");

        // The generator built for the newest Roslyn this test's compiler (4.8) can host.
        var folder = Directory.GetDirectories(analyzers, "roslyn*")
            .Select(d => (Path: d, Version: Version.Parse(Path.GetFileName(d)["roslyn".Length..])))
            .Where(d => d.Version <= typeof(CSharpCompilation).Assembly.GetName().Version!)
            .MaxBy(d => d.Version).Path;
        var assembly = Assembly.LoadFrom(Directory.GetFiles(Path.Combine(folder, "cs"), "InterfaceStubGenerator*.dll").Single());
        var type = assembly.GetTypes().Single(t => t.GetCustomAttribute<GeneratorAttribute>() is not null && !t.IsAbstract);
        var instance = Activator.CreateInstance(type)!;
        return instance as ISourceGenerator ?? ((IIncrementalGenerator)instance).AsSourceGenerator();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([()\[\]])\s*")]
    private static partial Regex AroundBrackets();

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex Commas();

    [GeneratedRegex(@"______\w+AttributeProvider")]
    private static partial Regex AttributeProvider();

    /// <summary>Ours as Refit's would read: Refit's relative URI where ours may take the adapter's base address, the built request where ours calls its builder.</summary>
    private sealed class OursAsRefits : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitConditionalExpression(ConditionalExpressionSyntax node) =>
            node.Condition.ToString() == "refitBaseAddress is null" ? Visit(node.WhenTrue) : base.VisitConditionalExpression(node);

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node) =>
            node.Expression is IdentifierNameSyntax { Identifier.Text: var name } && name.StartsWith("Build", StringComparison.Ordinal) && name.EndsWith("Request", StringComparison.Ordinal)
                ? SyntaxFactory.IdentifierName("refitRequest")
                : base.VisitInvocationExpression(node);
    }
}
