using FluentValidation;

namespace Orchestrator.Server.Apis.PickLists;

/// <summary>Make a wave from the orders waiting to be picked in a warehouse, optionally only one shop's or one carrier's, at most <c>maxOrders</c>.</summary>
public sealed record PickListRequest(long? ShopId, long? LogisticsCompanyId, int? MaxOrders);

internal sealed class PickListRequestValidator : AbstractValidator<PickListRequest>
{
    public const int DefaultMaxOrders = 100;
    public const int MaxOrders = 500;

    public PickListRequestValidator() => RuleFor(r => r.MaxOrders).InclusiveBetween(1, MaxOrders);
}
