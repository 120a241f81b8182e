using FluentValidation;
using Orchestrator.Domain.Orders;
using L = Orchestrator.Domain.Orders.PlatformOrderLimits;

namespace Orchestrator.Server.Apis.Orders;

internal sealed class OrderRequestValidator : AbstractValidator<OrderRequest>
{
    public const int MaxLines = L.MaxLines;
    private const decimal MaxAmount = L.MaxAmount;

    public OrderRequestValidator()
    {
        RuleFor(o => o.PlatformOrderId).NotEmpty().MaximumLength(L.IdLength);
        RuleFor(o => o.Status).NotEmpty()
            .Must(s => s is null || PlatformTradeStatus.TryClassify(s, out _))
            .WithMessage(o => $"Unknown platform status '{o.Status}'. Known: {string.Join(", ", PlatformTradeStatus.KnownStatuses)}.");
        RuleFor(o => o.BuyerNick).MaximumLength(L.NickLength);
        RuleFor(o => o.BuyerMessage).MaximumLength(L.MessageLength);
        RuleFor(o => o.SellerMemo).MaximumLength(L.MessageLength);
        RuleFor(o => o.Receiver).NotNull().WithMessage("receiver is required: name, mobile, province, city, address.");
        RuleFor(o => o.Receiver!).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).NotEmpty().MaximumLength(L.NameLength);
            r.RuleFor(x => x.Mobile).NotEmpty().MaximumLength(L.MobileLength);
            r.RuleFor(x => x.Province).NotEmpty().MaximumLength(L.RegionLength);
            r.RuleFor(x => x.City).NotEmpty().MaximumLength(L.RegionLength);
            r.RuleFor(x => x.District).MaximumLength(L.RegionLength);
            r.RuleFor(x => x.Address).NotEmpty().MaximumLength(L.AddressLength);
            r.RuleFor(x => x.Zip).MaximumLength(L.ZipLength);
        }).When(o => o.Receiver is not null);
        RuleFor(o => o.TotalFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.PostFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.DiscountFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.Payment).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.Lines).NotEmpty().WithMessage("An order needs at least one line.")
            .Must(l => l is null || l.Count <= MaxLines).WithMessage($"An order has at most {MaxLines} lines.");
        RuleForEach(o => o.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(L.MaxQuantity);
            line.RuleFor(l => l.Price).InclusiveBetween(0, MaxAmount);
            line.RuleFor(l => l.MerchantCode).MaximumLength(L.CodeLength);
            line.RuleFor(l => l.PlatformLineId).MaximumLength(L.IdLength);
            line.RuleFor(l => l.PlatformSkuId).MaximumLength(L.IdLength);
            line.RuleFor(l => l.Title).MaximumLength(L.TitleLength);
        });
    }
}
