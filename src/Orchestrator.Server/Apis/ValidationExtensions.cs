namespace Orchestrator.Server.Apis;

/// <summary>Attaches body validation to an endpoint.</summary>
internal static class ValidationExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
