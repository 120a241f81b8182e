using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>An API key reaches intake of its own shop only: the route's <c>shopId</c> must be the key's shop.</summary>
public sealed class IntakeShopRequirement : IAuthorizationRequirement
{
    public const string Explanation = "This API key belongs to another shop; a key can only push orders to its own shop.";
}

internal sealed class IntakeShopHandler : AuthorizationHandler<IntakeShopRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IntakeShopRequirement requirement)
    {
        if (!context.User.IsInRole(Roles.Integration))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var route = (context.Resource as HttpContext)?.GetRouteValue("shopId") as string;
        if (long.TryParse(route, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId) && context.User.AssignedShops().Contains(shopId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
