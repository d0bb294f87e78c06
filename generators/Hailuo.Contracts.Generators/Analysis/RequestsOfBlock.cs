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
    private readonly List<(ILocalSymbol Local, string Property, IOperation? Value, int Position)> _assignments = new();

    private RequestsOfBlock(INamedTypeSymbol requestType) => _requestType = requestType;

    public static void Register(OperationBlockStartAnalysisContext block, INamedTypeSymbol requestType, Action<Action<Diagnostic>, ConstantRequest> analyze)
    {
        var requests = new RequestsOfBlock(requestType);
        block.RegisterOperationAction(c => requests.Created((IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
        block.RegisterOperationAction(c => requests.Declared((IVariableDeclaratorOperation)c.Operation), OperationKind.VariableDeclarator);
        block.RegisterOperationAction(c => requests.Assigned((IAssignmentOperation)c.Operation), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment);
        block.RegisterOperationAction(c => requests.Changed(((IIncrementOrDecrementOperation)c.Operation).Target, null), OperationKind.Increment, OperationKind.Decrement);
        block.RegisterOperationBlockEndAction(end => requests.Finish(request => analyze(end.ReportDiagnostic, request)));
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
                _assignments.Add((local.Local, property.Property.Name, value, target.Syntax.SpanStart));
            }
        }
    }

    private void Finish(Action<ConstantRequest> analyze)
    {
        lock (_gate)
        {
            foreach (var creation in _creations)
            {
                var request = ConstantRequest.Read(creation.Initializer);

                // Later assignments count only for a request one local holds for good; otherwise only its initializer is known.
                if (_holders.TryGetValue(creation, out var local) && !_reassigned.Contains(local))
                {
                    foreach (var (_, property, value, _) in _assignments.Where(a => SymbolEqualityComparer.Default.Equals(a.Local, local)).OrderBy(a => a.Position))
                    {
                        request.Set(property, value);
                    }
                }

                analyze(request);
            }
        }
    }
}
