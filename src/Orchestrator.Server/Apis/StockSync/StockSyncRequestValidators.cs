using FluentValidation;

namespace Orchestrator.Server.Apis.StockSync;

internal sealed class StockSyncSettingsRequestValidator : AbstractValidator<StockSyncSettingsRequest>
{
    public StockSyncSettingsRequestValidator()
    {
        RuleFor(r => r.Enabled).NotNull();
        RuleFor(r => r.Ratio).InclusiveBetween(0m, 1m).WithMessage("ratio (库存比例) is between 0 and 1.");
        RuleFor(r => r.MinimumQuantity).InclusiveBetween(0, 1_000_000);
    }
}

internal sealed class StockSyncItemsRequestValidator : AbstractValidator<StockSyncItemsRequest>
{
    public StockSyncItemsRequestValidator()
    {
        RuleFor(r => r.MerchantCodes).NotEmpty().Must(c => c is null || c.Count <= 500).WithMessage("merchantCodes holds at most 500 codes per call.");
        RuleForEach(r => r.MerchantCodes).NotEmpty().MaximumLength(64);
    }
}
