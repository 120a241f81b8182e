namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>
/// <c>Waybill:*</c>: where the carriers' e-waybill APIs are. With no URL at all the server keeps issuing numbers locally
/// (<see cref="LocalWaybillIssuer"/>), so the embedded default needs no set-up.
/// </summary>
public sealed class WaybillOptions
{
    public const string Section = "Waybill";

    /// <summary>One base address for every carrier family (e.g. the simulator); the per-family URLs below override it.</summary>
    public Uri? BaseUrl { get; set; }

    public Uri? SfBaseUrl { get; set; }

    public Uri? CainiaoBaseUrl { get; set; }

    public Uri? JdBaseUrl { get; set; }

    /// <summary>The seller's account with the carrier: SF's monthlyCard, JD's customerCode.</summary>
    public string? Account { get; set; }

    /// <summary>How often waybills waiting to be cancelled are sent to their carriers (and failed ones tried again when due).</summary>
    public TimeSpan CancelPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool UsesCarriers => BaseUrl is not null || SfBaseUrl is not null || CainiaoBaseUrl is not null || JdBaseUrl is not null;
}
