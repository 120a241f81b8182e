using System.Globalization;
using System.Security.Claims;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>
/// What a principal may reach beyond its roles: admins and ops leads reach every shop and warehouse; a reviewer only the
/// shops assigned to them, a warehouse hand only their warehouses, an API key only its own shop.
/// </summary>
public static class AccessScope
{
    /// <summary>The name journals and audit rows record for this principal: the user name, or <c>key:name</c>.</summary>
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static bool IsUnscoped(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.OpsLead);

    public static IReadOnlySet<long> AssignedShops(this ClaimsPrincipal user) => Ids(user, AccessClaims.Shop);

    public static IReadOnlySet<long> AssignedWarehouses(this ClaimsPrincipal user) => Ids(user, AccessClaims.Warehouse);

    /// <summary>Null when the principal reaches every shop; otherwise the shops it may see.</summary>
    public static IReadOnlySet<long>? ShopFilter(this ClaimsPrincipal user) => user.IsUnscoped() ? null : user.AssignedShops();

    /// <summary>Null when the principal reaches every warehouse; otherwise the warehouses it may see.</summary>
    public static IReadOnlySet<long>? WarehouseFilter(this ClaimsPrincipal user) => user.IsUnscoped() ? null : user.AssignedWarehouses();

    public static bool CanReachShop(this ClaimsPrincipal user, long shopId) => user.IsUnscoped() || user.AssignedShops().Contains(shopId);

    public static bool CanReachWarehouse(this ClaimsPrincipal user, long? warehouseId) =>
        user.IsUnscoped() || (warehouseId is { } id && user.AssignedWarehouses().Contains(id));

    /// <summary>
    /// An order is readable by those of its shop, and by those of a warehouse it is in: its own or one of its packages'
    /// (<paramref name="warehouseIds"/>).
    /// </summary>
    public static bool CanReadOrder(this ClaimsPrincipal user, long shopId, IEnumerable<long?> warehouseIds) =>
        user.CanReachShop(shopId) || warehouseIds.Any(user.CanReachWarehouse);

    private static HashSet<long> Ids(ClaimsPrincipal user, string type) =>
        user.FindAll(type).Select(c => long.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToHashSet();
}
