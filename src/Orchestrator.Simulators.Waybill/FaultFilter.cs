using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>Applies the <see cref="FaultPlan"/> to a provider's endpoints: a failure answers 500 untouched; a delay answers late, after the work is done.</summary>
internal sealed class FaultFilter(WaybillProviderKind provider) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (fail, delay) = context.HttpContext.RequestServices.GetRequiredService<FaultPlan>().Take(provider);
        if (fail)
        {
            return Results.Problem("Injected fault", statusCode: StatusCodes.Status500InternalServerError);
        }

        var result = await next(context);
        if (delay > TimeSpan.Zero)
        {
            // Not the request's token: the carrier has issued the number whether or not the client still waits.
            await Task.Delay(delay, CancellationToken.None);
        }

        return result;
    }
}
