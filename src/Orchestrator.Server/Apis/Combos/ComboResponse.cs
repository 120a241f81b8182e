using System.Text.Json.Serialization;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Server.Apis.Combos;

public sealed record ComboResponse(long Id, string Code, string Name, bool IsEnabled, IReadOnlyList<ComboItemResponse> Items, int Version)
{
    /// <summary>
    /// After a create or an edit: how many orders wait in the exception queue (UnmappedSku) on this combo code;
    /// <c>POST /api/exceptions:remap</c> continues them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OrdersWaitingOnCode { get; init; }

    public static ComboResponse From(Combo c) =>
        new(c.Id, c.Code, c.Name, c.IsEnabled,
            c.Items.Select(i => new ComboItemResponse(i.GoodsId, i.Goods?.MerchantCode ?? "", i.Goods?.Name ?? "", i.Quantity)).ToList(),
            c.Version);
}
