using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Server.Security;

/// <summary>
/// A request that is not signed in gets 401 and one that lacks the role gets 403, both as RFC 7807 problem details
/// saying what is missing; never a redirect to a login page, which an API client could not follow.
/// </summary>
internal sealed class AuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var problem = authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true
            ? Unauthorized(context)
            : Forbidden(authorizeResult.AuthorizationFailure);
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    public static ProblemDetails Unauthorized(HttpContext context) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Sign-in required",
        Detail = context.Request.Headers.ContainsKey(ApiKeySecrets.Header)
            ? $"The API key in {ApiKeySecrets.Header} is not valid or has been revoked."
            : $"Sign in (POST /api/auth/sign-in), or send an integration key in the {ApiKeySecrets.Header} header.",
    };

    private static ProblemDetails Forbidden(AuthorizationFailure? failure)
    {
        var reasons = (failure?.FailedRequirements ?? []).Select(r => r switch
        {
            RolesAuthorizationRequirement roles => $"This needs one of the roles: {string.Join(", ", roles.AllowedRoles)}.",
            IntakeShopRequirement => IntakeShopRequirement.Explanation,
            _ => r.ToString(),
        });
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Not allowed for your role",
            Detail = string.Join(" ", reasons.DefaultIfEmpty("Your roles do not allow this.")),
        };
    }
}
