using FluentValidation;

namespace Orchestrator.Server.Apis.MerchantCodes;

/// <summary>Map a merchant code to existing goods (<c>goodsId</c>) or a combo (<c>comboId</c>): one of them; <c>note</c> goes to the resolved entries.</summary>
public sealed record MapMerchantCodeRequest(long? GoodsId, long? ComboId, string? Note);

internal sealed class MapMerchantCodeRequestValidator : AbstractValidator<MapMerchantCodeRequest>
{
    public MapMerchantCodeRequestValidator()
    {
        RuleFor(r => r.GoodsId).NotNull().When(r => r.ComboId is null).WithMessage("Give goodsId (goods) or comboId (a combo) to map the code to.");
        RuleFor(r => r.GoodsId).Null().When(r => r.ComboId is not null).WithMessage("Give goodsId or comboId, not both.");
        RuleFor(r => r.GoodsId).GreaterThan(0);
        RuleFor(r => r.ComboId).GreaterThan(0);
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}
