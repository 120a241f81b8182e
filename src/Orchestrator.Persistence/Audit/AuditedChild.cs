namespace Orchestrator.Persistence.Audit;

/// <summary>
/// A row of an audited record's list (a combo's item, a shop's warehouse): its change is recorded on the parent
/// (<paramref name="ParentType"/>, found by <paramref name="ParentKey"/>) as <paramref name="Field"/>, valued by <paramref name="Value"/>.
/// </summary>
internal sealed record AuditedChild(Type ClrType, Type ParentType, string ParentKey, Func<object, string> Field, string Value);
