using System;
using Hailuo.Contracts.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Diagnostics;

/// <summary>A diagnostic as plain values, so it can travel through the incremental pipeline and cache.</summary>
internal sealed record DiagnosticInfo(
    string Id,
    EquatableArray<string> Arguments,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticCatalog.Find(Id) ?? throw new InvalidOperationException("Unknown diagnostic " + Id);
        var location = Location.Create(FilePath, Span, LineSpan);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, arguments);
    }
}
