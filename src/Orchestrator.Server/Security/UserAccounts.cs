using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>What a person is allowed, as the designer reads it (<c>GET /api/auth/me</c>, the users screen).</summary>
public sealed record UserAccess(long? Id, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<long> ShopIds, IReadOnlyList<long> WarehouseIds, bool Disabled)
{
    /// <summary>A signed-in person's access from their session; the id is Identity's user id claim (an integration key has none).</summary>
    public static UserAccess Of(ClaimsPrincipal user) => new(
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        user.ActorName(), user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList(),
        [.. user.AssignedShops().Order()], [.. user.AssignedWarehouses().Order()], false);
}

/// <summary>
/// People's accounts on top of Identity's <see cref="UserManager{TUser}"/>: roles as Identity roles, shop and warehouse
/// assignments as user claims, and the first admin.
/// </summary>
public sealed class UserAccounts(UserManager<OrchestratorUser> users, OrchestratorDbContext db, TimeProvider clock)
{
    private static readonly SemaphoreSlim FirstUser = new(1, 1);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    /// <summary>Creates the first admin, only while there is no user at all; null when someone already did.</summary>
    public async Task<(OrchestratorUser? User, IdentityResult Result)> CreateFirstAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await FirstUser.WaitAsync(cancellationToken);
        try
        {
            if (await AnyAsync(cancellationToken))
            {
                return (null, IdentityResult.Success);
            }

            return await CreateAsync(userName, password, [Roles.Admin], [], [], cancellationToken);
        }
        finally
        {
            FirstUser.Release();
        }
    }

    public async Task<(OrchestratorUser? User, IdentityResult Result)> CreateAsync(
        string userName, string password, IReadOnlyList<string> roles, IReadOnlyList<long> shopIds, IReadOnlyList<long> warehouseIds, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(cancellationToken);
        var user = new OrchestratorUser { UserName = userName, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await AssignAsync(user, roles, shopIds, warehouseIds);
            }

            if (!result.Succeeded)
            {
                await tx.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return ((OrchestratorUser?)null, result);
            }

            await tx.CommitAsync(cancellationToken);
            return (user, result);
        });
    }

    /// <summary>Replaces roles and assignments; the new security stamp ends the user's other sessions at their next check.</summary>
    public async Task<IdentityResult> AssignAsync(OrchestratorUser user, IReadOnlyList<string> roles, IReadOnlyList<long> shopIds, IReadOnlyList<long> warehouseIds)
    {
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current));
        }

        if (result.Succeeded)
        {
            var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type is AccessClaims.Shop or AccessClaims.Warehouse).ToList();
            if (claims.Count > 0)
            {
                result = await users.RemoveClaimsAsync(user, claims);
            }
        }

        var wanted = shopIds.Distinct().Select(id => new Claim(AccessClaims.Shop, id.ToString(CultureInfo.InvariantCulture)))
            .Concat(warehouseIds.Distinct().Select(id => new Claim(AccessClaims.Warehouse, id.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        if (result.Succeeded && wanted.Count > 0)
        {
            result = await users.AddClaimsAsync(user, wanted);
        }

        return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
    }

    public async Task<IReadOnlyList<UserAccess>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == AccessClaims.Shop || c.ClaimType == AccessClaims.Warehouse).ToListAsync(cancellationToken);
        return rows.Select(u => new UserAccess(
            u.Id, u.UserName!, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            Ids(claims, u.Id, AccessClaims.Shop), Ids(claims, u.Id, AccessClaims.Warehouse), u.Disabled)).ToList();
    }

    public async Task<UserAccess> AccessOfAsync(OrchestratorUser user)
    {
        // The same reading of the assignment claims as a signed-in principal gets (AccessScope).
        var assigned = new ClaimsPrincipal(new ClaimsIdentity(await users.GetClaimsAsync(user)));
        return new UserAccess(
            user.Id, user.UserName!, [.. (await users.GetRolesAsync(user)).Order()],
            [.. assigned.AssignedShops().Order()], [.. assigned.AssignedWarehouses().Order()], user.Disabled);
    }

    /// <summary>True when <paramref name="user"/> is the only admin who can still sign in (who must not be disabled or demoted).</summary>
    public async Task<bool> IsLastActiveAdminAsync(OrchestratorUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == user.Id) && admins.Count(a => !a.Disabled) == 1 && !user.Disabled;
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.People.Append(Roles.Integration).Except(existing))
        {
            db.Roles.Add(new IdentityRole<long>(role!) { NormalizedName = role!.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static List<long> Ids(IEnumerable<IdentityUserClaim<long>> claims, long userId, string type) =>
        [.. claims.Where(c => c.UserId == userId && c.ClaimType == type).Select(c => long.Parse(c.ClaimValue!, CultureInfo.InvariantCulture)).Order()];
}

/// <summary>Creates the first admin from <c>Auth:Admin</c> at start-up when the database has no user.</summary>
internal static partial class FirstAdmin
{
    public static async Task EnsureAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value.Admin;
        var accounts = services.GetRequiredService<UserAccounts>();
        if (string.IsNullOrWhiteSpace(options.UserName) || string.IsNullOrEmpty(options.Password))
        {
            if (!await accounts.AnyAsync(cancellationToken))
            {
                LogSetupNeeded(logger);
            }

            return;
        }

        var (user, result) = await accounts.CreateFirstAdminAsync(options.UserName, options.Password, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Auth:Admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (user is not null)
        {
            LogCreated(logger, user.UserName!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin '{UserName}' from Auth:Admin")]
    private static partial void LogCreated(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No user exists yet: open the designer to create the first admin, or set Auth:Admin:UserName and Auth:Admin:Password")]
    private static partial void LogSetupNeeded(ILogger logger);
}
