using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>Gets an e-waybill (电子面单) tracking number for one package; the same key always yields the same number.</summary>
public interface IWaybillIssuer
{
    Task<Waybill> IssueAsync(SalesOrder order, string carrierCode, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Issues numbers locally in each carrier's format and records them by idempotency key, in the step's transaction:
/// a retried or replayed step finds its waybill instead of taking a second one. The carriers' real APIs come behind
/// this interface with the fulfilment work.
/// </summary>
public sealed class LocalWaybillIssuer(OrchestratorDbContext db, TimeProvider clock) : IWaybillIssuer
{
    public async Task<Waybill> IssueAsync(SalesOrder order, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var existing = await db.Waybills.FirstOrDefaultAsync(w => w.IdempotencyKey == idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var waybill = new Waybill
        {
            OrderId = order.Id,
            IdempotencyKey = idempotencyKey,
            CarrierCode = carrierCode,
            TrackingNumber = TrackingNumber(carrierCode),
            IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Waybills.Add(waybill);
        return waybill;
    }

    /// <summary>SF: SF + 13 digits; JD: JDVA + 11 digits; others: 12 to 15 digits as the Cainiao carriers use.</summary>
    public static string TrackingNumber(string carrierCode) => carrierCode.ToUpperInvariant() switch
    {
        "SF" => "SF" + Digits(13),
        "JD" => "JDVA" + Digits(11),
        "YTO" => "YT" + Digits(13),
        "ZTO" => "7" + Digits(13),
        "STO" => "77" + Digits(11),
        "YUNDA" => "46" + Digits(11),
        _ => Digits(15),
    };

    private static string Digits(int count) =>
        string.Create(count, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });
}
