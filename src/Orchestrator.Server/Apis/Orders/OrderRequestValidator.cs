using FluentValidation;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

internal sealed class OrderRequestValidator : AbstractValidator<OrderRequest>
{
    public const int MaxLines = 200;
    private const decimal MaxAmount = 100_000_000m;

    public OrderRequestValidator()
    {
        RuleFor(o => o.PlatformOrderId).NotEmpty().MaximumLength(64);
        RuleFor(o => o.Status).NotEmpty()
            .Must(s => s is null || PlatformTradeStatus.TryClassify(s, out _))
            .WithMessage(o => $"Unknown platform status '{o.Status}'. Known: {string.Join(", ", PlatformTradeStatus.KnownStatuses)}.");
        RuleFor(o => o.BuyerNick).MaximumLength(128);
        RuleFor(o => o.BuyerMessage).MaximumLength(1000);
        RuleFor(o => o.SellerMemo).MaximumLength(1000);
        RuleFor(o => o.Receiver).NotNull().WithMessage("receiver is required: name, mobile, province, city, address.");
        RuleFor(o => o.Receiver!).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).NotEmpty().MaximumLength(128);
            r.RuleFor(x => x.Mobile).NotEmpty().MaximumLength(32);
            r.RuleFor(x => x.Province).NotEmpty().MaximumLength(64);
            r.RuleFor(x => x.City).NotEmpty().MaximumLength(64);
            r.RuleFor(x => x.District).MaximumLength(64);
            r.RuleFor(x => x.Address).NotEmpty().MaximumLength(512);
            r.RuleFor(x => x.Zip).MaximumLength(16);
        }).When(o => o.Receiver is not null);
        RuleFor(o => o.TotalFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.PostFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.DiscountFee).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.Payment).InclusiveBetween(0, MaxAmount);
        RuleFor(o => o.Lines).NotEmpty().WithMessage("An order needs at least one line.")
            .Must(l => l is null || l.Count <= MaxLines).WithMessage($"An order has at most {MaxLines} lines.");
        RuleForEach(o => o.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(100_000);
            line.RuleFor(l => l.Price).InclusiveBetween(0, MaxAmount);
            line.RuleFor(l => l.MerchantCode).MaximumLength(64);
            line.RuleFor(l => l.PlatformLineId).MaximumLength(64);
            line.RuleFor(l => l.PlatformSkuId).MaximumLength(64);
            line.RuleFor(l => l.Title).MaximumLength(512);
        });
    }
}
