using FluentValidation;

namespace Orchestrator.Server.Apis.Goods;

internal sealed class GoodsRequestValidator : AbstractValidator<GoodsRequest>
{
    public GoodsRequestValidator()
    {
        RuleFor(r => r.MerchantCode).NotEmpty().MaximumLength(64)
            .Must(code => code is null || !code.Trim().Any(char.IsWhiteSpace))
            .WithMessage("merchantCode must not contain spaces: platforms send it without them.");
        RuleFor(r => r.Barcode).MaximumLength(64);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Spec).MaximumLength(128);
        RuleFor(r => r.WeightKg).GreaterThanOrEqualTo(0).LessThan(100_000);
        RuleFor(r => r.Price).GreaterThanOrEqualTo(0).LessThan(100_000_000);
        RuleFor(r => r.LowStockThreshold).InclusiveBetween(0, 1_000_000);
    }
}
