using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>The numbers issued so far, one per (provider, key): a repeated key gets its number again, never a second one.</summary>
public sealed partial class WaybillLedger(TimeProvider clock, ILogger<WaybillLedger> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(WaybillProviderKind, string), IssuedWaybill> _byKey = [];
    private readonly Dictionary<string, (WaybillProviderKind, string)> _byNumber = new(StringComparer.Ordinal);

    public (IssuedWaybill Waybill, IssueResult Result) Issue(WaybillProviderKind provider, string carrierCode, string key, WaybillSender? sender)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue((provider, key), out var existing))
            {
                // SF: a cancelled orderId can never be reused (DOMAIN.md); the others refuse it too rather than re-issue.
                if (existing.CancelledAt is not null)
                {
                    return (existing, IssueResult.KeyCancelled);
                }

                _byKey[(provider, key)] = existing with { Repeats = existing.Repeats + 1 };
                return (existing, IssueResult.Repeated);
            }

            string number;
            do
            {
                number = TrackingNumbers.New(carrierCode);
            }
            while (_byNumber.ContainsKey(number));

            var waybill = new IssuedWaybill(provider, carrierCode.ToUpperInvariant(), key, number, clock.GetUtcNow().UtcDateTime) { Sender = sender };
            _byKey[(provider, key)] = waybill;
            _byNumber[number] = (provider, key);
            LogIssued(logger, provider, waybill.CarrierCode, number, key);
            return (waybill, IssueResult.Issued);
        }
    }

    /// <summary>Cancels <paramref name="trackingNumber"/>; false when the provider never issued it. Cancelling twice is fine.</summary>
    public bool Cancel(WaybillProviderKind provider, string trackingNumber)
    {
        lock (_lock)
        {
            if (!_byNumber.TryGetValue(trackingNumber, out var id) || id.Item1 != provider)
            {
                return false;
            }

            var waybill = _byKey[id];
            if (waybill.CancelledAt is null)
            {
                _byKey[id] = waybill with { CancelledAt = clock.GetUtcNow().UtcDateTime };
            }

            return true;
        }
    }

    public IReadOnlyList<IssuedWaybill> List(WaybillProviderKind? provider)
    {
        lock (_lock)
        {
            return [.. _byKey.Values.Where(w => provider is null || w.Provider == provider).OrderBy(w => w.IssuedAt)];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} issued {CarrierCode} {TrackingNumber} for key {Key}")]
    private static partial void LogIssued(ILogger logger, WaybillProviderKind provider, string carrierCode, string trackingNumber, string key);
}
