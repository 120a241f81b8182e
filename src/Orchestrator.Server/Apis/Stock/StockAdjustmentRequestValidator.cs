using FluentValidation;

namespace Orchestrator.Server.Apis.Stock;

internal sealed class StockAdjustmentRequestValidator : AbstractValidator<StockAdjustmentRequest>
{
    public const int MaxItems = 500;

    public StockAdjustmentRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Reference).MaximumLength(200);
        RuleFor(r => r.Items).NotEmpty().Must(items => items is null || items.Count <= MaxItems)
            .WithMessage($"items holds at most {MaxItems} entries per call.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.MerchantCode).NotEmpty().When(i => i.GoodsId is null)
                .WithMessage("Name the goods by merchantCode or goodsId.");
            item.RuleFor(i => i.GoodsId).Null().When(i => !string.IsNullOrWhiteSpace(i.MerchantCode))
                .WithMessage("Give merchantCode or goodsId, not both.");
            item.RuleFor(i => i.Delta).NotNull().When(i => i.OnHand is null)
                .WithMessage("Give delta (a change) or onHand (a count).");
            item.RuleFor(i => i.Delta).Null().When(i => i.OnHand is not null)
                .WithMessage("Give delta or onHand, not both.");
            item.RuleFor(i => i.Delta).NotEqual(0).InclusiveBetween(-1_000_000, 1_000_000);
            item.RuleFor(i => i.OnHand).InclusiveBetween(0, 1_000_000);
        });
    }
}

internal sealed class StockTransferRequestValidator : AbstractValidator<StockTransferRequest>
{
    public StockTransferRequestValidator()
    {
        RuleFor(r => r.FromWarehouseId).NotNull();
        RuleFor(r => r.ToWarehouseId).NotNull().NotEqual(r => r.FromWarehouseId).WithMessage("A transfer goes to another warehouse.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Reference).MaximumLength(200);
        RuleFor(r => r.Items).NotEmpty().Must(items => items is null || items.Count <= StockAdjustmentRequestValidator.MaxItems)
            .WithMessage($"items holds at most {StockAdjustmentRequestValidator.MaxItems} entries per call.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.MerchantCode).NotEmpty();
            item.RuleFor(i => i.Quantity).NotNull().InclusiveBetween(1, 1_000_000);
        });
    }
}
