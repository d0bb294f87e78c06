using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Vocabulary;

/// <summary>
/// Emits VideoMode, VideoTaskStatus and ErrorMeanings from the spec's JSON schema (an AdditionalFile named
/// <see cref="SchemaFileName"/>), so the words are written once, in the schema, for the runtime and the generator alike.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VocabularyGenerator : IIncrementalGenerator
{
    /// <summary>The schema file this generator reads.</summary>
    public const string SchemaFileName = "hailuo.spec.schema.json";

    private static readonly DiagnosticDescriptor Unreadable = new(
        "HLV0001",
        "The schema's vocabulary cannot be read",
        "{0}: {1}",
        "Hailuo.Vocabulary",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemas = context.AdditionalTextsProvider
            .Where(static file => string.Equals(Path.GetFileName(file.Path), SchemaFileName, System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => (file.Path, Vocabulary: SchemaReader.Read(file.GetText(ct)?.ToString() ?? string.Empty, VocabularyEmitter.Lists)));

        context.RegisterSourceOutput(schemas, static (spc, schema) =>
        {
            if (schema.Vocabulary.Problem is { } problem)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Unreadable, Location.None, schema.Path, problem));
                return;
            }

            foreach (var list in schema.Vocabulary.Lists)
            {
                var (hintName, text) = VocabularyEmitter.Emit(list);
                spc.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));
            }
        });
    }
}
