using System.Reflection;
using System.Text.Json;
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
                .Where(n => n is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax } or IfStatementSyntax)
                .Select(Describe)
                .Where(d => d is not null)
                .Select(d => d!)
                .ToList();
        }

        return calls;
    }

    /// <summary>The hand-written Refit interface of that name, a fixture copied beside the tests.</summary>
    public static string HandWritten(string interfaceName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HandWrittenRefit", interfaceName + ".cs"));

    /// <summary>Per method, the endpoint line the spec gives the provider whose interface this is: submit, status, fileRetrieve.</summary>
    public static SortedDictionary<string, List<string>> SpecLines(string specText, string interfaceName)
    {
        using var spec = JsonDocument.Parse(specText);
        var root = spec.RootElement;
        var dialect = root.GetProperty("providers").EnumerateArray()
            .Where(p => "I" + p.GetProperty("member").GetString() + "VideoApi" == interfaceName)
            .Select(p => p.GetProperty("dialect").GetString())
            .Single();
        var lines = root.GetProperty("dialects").EnumerateArray().Single(d => d.GetProperty("name").GetString() == dialect);
        var methods = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (method, key) in new[] { ("SubmitAsync", "submit"), ("GetTaskAsync", "status"), ("RetrieveFileAsync", "fileRetrieve") })
        {
            if (lines.TryGetProperty(key, out var line))
            {
                methods[method] = new List<string> { line.GetString()! };
            }
        }

        return methods;
    }

    /// <summary>
    /// Per method of the interfaces in the source, its endpoint line read back from the Refit attributes: the verb and
    /// route, then each [Query] parameter as "alias={snake_name}", as the spec writes the line.
    /// </summary>
    public static SortedDictionary<string, List<string>> EndpointLines(string source)
    {
        var lines = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var methods = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot()
            .DescendantNodes().OfType<InterfaceDeclarationSyntax>().SelectMany(i => i.Members.OfType<MethodDeclarationSyntax>());
        foreach (var method in methods)
        {
            var verb = method.AttributeLists.SelectMany(l => l.Attributes).Single(a => Verbs.Contains(ShortName(a)));
            var route = ((LiteralExpressionSyntax)verb.ArgumentList!.Arguments[0].Expression).Token.ValueText;
            var query = method.ParameterList.Parameters
                .Where(p => p.AttributeLists.SelectMany(l => l.Attributes).Any(a => ShortName(a) == "Query"))
                .Select(p => Alias(p) + "={" + SnakeCase(p.Identifier.Text) + "}")
                .ToList();
            var separator = route.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            lines[method.Identifier.Text] = new List<string> { ShortName(verb).ToUpperInvariant() + " " + route + (query.Count == 0 ? string.Empty : separator + string.Join("&", query)) };
        }

        return lines;
    }

    /// <summary>Lines that differ, as "-" (Refit's) and "+" (ours) per method; empty when the two agree.</summary>
    public static string Diff(SortedDictionary<string, List<string>> refit, SortedDictionary<string, List<string>> ours) =>
        Diff(refit, ours, "Refit " + RefitVersion + "'s generator", "ours");

    /// <summary>Lines that differ, as "-" (the first side's) and "+" (the second's) per method; empty when the two agree.</summary>
    public static string Diff(SortedDictionary<string, List<string>> refit, SortedDictionary<string, List<string>> ours, string first, string second)
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
                lines.Add(name + " (- " + first + ", + " + second + "):");
                lines.AddRange(missing);
                lines.AddRange(extra);
            }
        }

        return string.Join("\n", lines);
    }

    private static readonly string[] Verbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    private static string ShortName(AttributeSyntax attribute)
    {
        var name = attribute.Name.ToString();
        name = name[(name.LastIndexOf('.') + 1)..];
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string Alias(ParameterSyntax parameter) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => ShortName(a) == "AliasAs") is { ArgumentList.Arguments: [var alias] }
            ? ((LiteralExpressionSyntax)alias.Expression).Token.ValueText
            : parameter.Identifier.Text;

    private static string SnakeCase(string camel) => string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "_") + char.ToLowerInvariant(c) : c.ToString()));

    private static string? Describe(SyntaxNode node)
    {
        node = new OursAsRefits().Visit(node);
        var text = Normalise(node switch
        {
            InvocationExpressionSyntax call => call.Expression.ToString() + call.ArgumentList,
            ObjectCreationExpressionSyntax creation => "new " + creation.Type + creation.ArgumentList,
            AssignmentExpressionSyntax assignment => assignment.Left + " = ...",
            IfStatementSyntax branch => "if (" + branch.Condition + ")",
            _ => string.Empty,
        });

        // The calls that shape the request on the wire: Refit's runner, the query builder, the message and its content.
        return text.StartsWith("Refit.", StringComparison.Ordinal) || text.StartsWith("new Refit.GeneratedQueryStringBuilder", StringComparison.Ordinal)
            || text.StartsWith("refitQueryBuilder.", StringComparison.Ordinal) || text.StartsWith("new System.Net.Http.HttpRequestMessage", StringComparison.Ordinal)
            || text.StartsWith("refitRequest.", StringComparison.Ordinal) || text.StartsWith("if(", StringComparison.Ordinal)
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
