using System.Text.Json.Nodes;
using Orchestrator.Lifecycle.Activities;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>
/// One of the floor's actions on an order, as the single-order endpoints and the batch name it: the bookmark it
/// resumes, the stage named when the order is not waiting for it, and the stimulus it sends.
/// </summary>
internal sealed record FloorAction(string Name, string Bookmark, string Stage)
{
    public static readonly FloorAction PickConfirm = new("pick:confirm", PickActivity.Bookmark, "picking");
    public static readonly FloorAction PickReject = new("pick:reject", PickActivity.Bookmark, "picking");
    public static readonly FloorAction Scan = new("verify:scan", VerifyActivity.Bookmark, "verification");
    public static readonly FloorAction Weigh = new("weigh", WeighShipActivity.Bookmark, "weighing");

    public static readonly IReadOnlyDictionary<string, FloorAction> ByName =
        new[] { PickConfirm, PickReject, Scan, Weigh }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Picking confirmed by <paramref name="picker"/>: of one package, or of all this warehouse's (a wave), or of the only one.</summary>
    public static JsonObject Picked(string picker, long? packageId, long? warehouseId = null)
    {
        var payload = new JsonObject { ["picker"] = picker, ["packageId"] = packageId };
        if (packageId is null && warehouseId is { } warehouse)
        {
            payload["warehouseId"] = warehouse;
        }

        return payload;
    }

    /// <summary>Picking refused: the order goes back to review with <paramref name="reason"/>.</summary>
    public static JsonObject Rejected(string? reason, string picker) => new() { ["rejected"] = true, ["reason"] = reason, ["picker"] = picker };
}
