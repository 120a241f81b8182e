using FluentValidation;
using Microsoft.Extensions.Options;

namespace Orchestrator.Server.Apis.Orders;

internal sealed class OrderBatchRequestValidator : AbstractValidator<OrderBatchRequest>
{
    public OrderBatchRequestValidator(IOptions<IntakeOptions> options)
    {
        var max = options.Value.MaxBatchSize;
        RuleFor(b => b.Orders).NotEmpty().WithMessage("orders must hold at least one order.")
            .Must(o => o is null || o.Count <= max).WithMessage(b => $"A batch holds at most {max} orders; this one has {b.Orders!.Count}. Split it.")
            .Must(o => o is null || o.Where(x => x.PlatformOrderId is not null).GroupBy(x => x.PlatformOrderId).All(g => g.Count() == 1))
            .WithMessage("Each platformOrderId may appear only once per batch.");
        RuleForEach(b => b.Orders).SetValidator(new OrderRequestValidator())
            .When(b => b.Orders is null || b.Orders.Count <= max);
    }
}
