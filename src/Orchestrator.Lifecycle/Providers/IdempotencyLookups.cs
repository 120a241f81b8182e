using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// What an idempotency key already got: the waybill issued under it, the ship confirmation recorded under it. Asked once
/// per order before each call out, where the answer is nearly always "none": a count on the key's unique index
/// (<see cref="KeyProbe"/>) says so, and only a key that has a row loads it, by a compiled query
/// (<see cref="PerModelQuery{TQuery}"/>), tracked, as the callers go on to use the row in the run.
/// </summary>
internal static class IdempotencyLookups
{
    private static readonly PerModelQuery<Func<OrchestratorDbContext, string, CancellationToken, Task<Waybill?>>> Waybills = new(() =>
        EF.CompileAsyncQuery((OrchestratorDbContext db, string key, CancellationToken ct) => db.Waybills.FirstOrDefault(w => w.IdempotencyKey == key)));

    private static readonly PerModelQuery<Func<OrchestratorDbContext, string, CancellationToken, Task<ShipmentConfirmation?>>> Confirmations = new(() =>
        EF.CompileAsyncQuery((OrchestratorDbContext db, string key, CancellationToken ct) => db.ShipmentConfirmations.FirstOrDefault(s => s.IdempotencyKey == key)));

    public static async Task<Waybill?> WaybillAsync(OrchestratorDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
        await KeyProbe.AnyAsync<Waybill>(db, nameof(Waybill.IdempotencyKey), idempotencyKey, cancellationToken)
            ? await Waybills.For(db)(db, idempotencyKey, cancellationToken)
            : null;

    public static async Task<ShipmentConfirmation?> ConfirmationAsync(OrchestratorDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
        await KeyProbe.AnyAsync<ShipmentConfirmation>(db, nameof(ShipmentConfirmation.IdempotencyKey), idempotencyKey, cancellationToken)
            ? await Confirmations.For(db)(db, idempotencyKey, cancellationToken)
            : null;
}
