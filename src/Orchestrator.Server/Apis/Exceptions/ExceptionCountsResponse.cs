using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>
/// How many entries of the exception queue are open and resolved, and each of those by kind (every kind, zeros included):
/// the queue's tabs. All is <c>open + resolved</c>.
/// </summary>
public sealed record ExceptionCountsResponse(
    int Open, int Resolved, IReadOnlyDictionary<OrderExceptionKind, int> OpenKinds, IReadOnlyDictionary<OrderExceptionKind, int> ResolvedKinds);
