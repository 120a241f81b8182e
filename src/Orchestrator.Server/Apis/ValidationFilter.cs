using FluentValidation;

namespace Orchestrator.Server.Apis;

/// <summary>Runs the body's validator before the handler; failures become a 400 naming each bad field.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null)
        {
            return Problems.Invalid("body", "A JSON request body is required.");
        }

        var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : Results.ValidationProblem(result.ToDictionary());
    }
}
