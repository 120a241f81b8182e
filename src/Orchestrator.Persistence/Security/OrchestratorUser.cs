using Microsoft.AspNetCore.Identity;

namespace Orchestrator.Persistence.Security;

/// <summary>
/// A person who signs in to the designer or the API: an ASP.NET Core Identity user in our own database. Roles are Identity
/// roles (<see cref="Roles"/>); the shops a reviewer works and the warehouses a warehouse hand works are user claims
/// (<see cref="AccessClaims"/>), so they travel in the sign-in cookie with no lookup per request.
/// </summary>
public sealed class OrchestratorUser : IdentityUser<long>
{
    public DateTime CreatedAt { get; set; }

    /// <summary>Disabled users cannot sign in, and their cookies stop working at the next security-stamp check.</summary>
    public bool Disabled { get; set; }
}
