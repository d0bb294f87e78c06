using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>
/// Gathers, per method or initializer, each VideoGenerationRequest created and the assignments to its properties
/// through the local that holds it, and hands every request to the analysis once the block is read.
/// </summary>
internal sealed class RequestsOfBlock
{
    private readonly object _gate = new();
    private readonly INamedTypeSymbol _requestType;
    private readonly List<IObjectCreationOperation> _creations = new();
    private readonly Dictionary<IObjectCreationOperation, ILocalSymbol> _holders = new();
    private readonly HashSet<ILocalSymbol> _reassigned = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<(string Property, IOperation? Value, int Position)>> _assignments = new(SymbolEqualityComparer.Default);

    internal RequestsOfBlock(INamedTypeSymbol requestType) => _requestType = requestType;

    /// <summary>The operations this class reads; every other kind is left alone.</summary>
    internal static readonly OperationKind[] Kinds =
    {
        OperationKind.ObjectCreation, OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment,
        OperationKind.CoalesceAssignment, OperationKind.Increment, OperationKind.Decrement,
    };

    public static void Register(OperationBlockStartAnalysisContext block, INamedTypeSymbol requestType, Action<Action<Diagnostic>, ConstantRequest> analyze)
    {
        var requests = new RequestsOfBlock(requestType);
        block.RegisterOperationAction(c => requests.Read(c.Operation), Kinds);
        block.RegisterOperationBlockEndAction(end => requests.Finish(request => analyze(end.ReportDiagnostic, request)));
    }

    /// <summary>Notes one operation of the block (of the <see cref="Kinds"/>), in any order.</summary>
    internal void Read(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                Created(creation);
                break;
            case IVariableDeclaratorOperation declarator:
                Declared(declarator);
                break;
            case IAssignmentOperation assignment:
                Assigned(assignment);
                break;
            case IIncrementOrDecrementOperation change:
                Changed(change.Target, null);
                break;
        }
    }

    private bool IsRequest(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _requestType);

    private void Created(IObjectCreationOperation creation)
    {
        if (IsRequest(creation.Type))
        {
            lock (_gate)
            {
                _creations.Add(creation);
            }
        }
    }

    private void Declared(IVariableDeclaratorOperation declarator)
    {
        if (declarator.Initializer?.Value is { } value && ConstantRequest.Unwrap(value) is IObjectCreationOperation creation && IsRequest(creation.Type))
        {
            lock (_gate)
            {
                _holders[creation] = declarator.Symbol;
            }
        }
    }

    private void Assigned(IAssignmentOperation assignment)
    {
        if (assignment.Target is ILocalReferenceOperation local && IsRequest(local.Local.Type) && !local.IsDeclaration)
        {
            lock (_gate)
            {
                _reassigned.Add(local.Local);
            }

            return;
        }

        Changed(assignment.Target, assignment is ISimpleAssignmentOperation simple ? simple.Value : null);
    }

    /// <summary>A property of a request local set to a value; null for a change whose result is not a plain value (+=, ??=, ++).</summary>
    private void Changed(IOperation target, IOperation? value)
    {
        if (target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local } property && IsRequest(local.Local.Type))
        {
            lock (_gate)
            {
                if (!_assignments.TryGetValue(local.Local, out var list))
                {
                    _assignments[local.Local] = list = new();
                }

                list.Add((property.Property.Name, value, target.Syntax.SpanStart));
            }
        }
    }

    /// <summary>Hands every request of the block to the analysis, once the whole block has been read.</summary>
    internal void Finish(Action<ConstantRequest> analyze)
    {
        lock (_gate)
        {
            foreach (var creation in _creations)
            {
                var request = ConstantRequest.Read(creation.Initializer);

                // Later assignments count only for a request one local holds for good; otherwise only its initializer is known.
                // Assignments are grouped by local, so each request reads only its own: linear in the block's size.
                if (_holders.TryGetValue(creation, out var local) && !_reassigned.Contains(local) && _assignments.TryGetValue(local, out var assignments))
                {
                    assignments.Sort(static (a, b) => a.Position.CompareTo(b.Position));
                    foreach (var (property, value, _) in assignments)
                    {
                        request.Set(property, value);
                    }
                }

                analyze(request);
            }
        }
    }
}

