using FluentValidation;

namespace Orchestrator.Server.Apis.Combos;

internal sealed class ComboRequestValidator : AbstractValidator<ComboRequest>
{
    public const int MaxItems = 50;

    public ComboRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(64)
            .Must(code => code is null || !code.Trim().Any(char.IsWhiteSpace))
            .WithMessage("code must not contain spaces: platforms send it without them.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Items).NotEmpty().WithMessage("A combo needs at least one goods.")
            .Must(items => items is null || items.Count <= MaxItems).WithMessage($"A combo holds at most {MaxItems} goods.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000);
            item.RuleFor(i => i).Must(i => i.GoodsId is not null || !string.IsNullOrWhiteSpace(i.MerchantCode))
                .OverridePropertyName("goodsId").WithMessage("Name the goods by goodsId or merchantCode.");
        });
    }
}
