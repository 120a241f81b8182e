using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Security;
using Orchestrator.Server.Apis.Auth;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Users;

/// <summary>People's accounts (admins only): roles, the shops a reviewer works, the warehouses a warehouse hand works.</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").ForAdmins();
        group.MapGet("/", async (UserAccounts accounts, CancellationToken ct) => Results.Ok(await accounts.ListAsync(ct)));
        group.MapPost("/", Create).Validate<CreateUserRequest>();
        group.MapPut("/{id:long}", Update).Validate<UpdateUserRequest>();
        group.MapPost("/{id:long}/password", ResetPassword).Validate<PasswordRequest>();
        return routes;
    }

    private static async Task<IResult> Create(CreateUserRequest request, UserManager<OrchestratorUser> users, UserAccounts accounts, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return Problems.Duplicate("userName", $"A user named '{request.UserName}' already exists.");
        }

        if (await UnknownAssignmentsAsync(db, request.ShopIds, request.WarehouseIds, ct) is { } unknown)
        {
            return unknown;
        }

        var (user, result) = await accounts.CreateAsync(request.UserName!, request.Password!, request.Roles!, request.ShopIds ?? [], request.WarehouseIds ?? [], ct);
        return user is null ? IdentityProblems.Of(result) : Results.Created($"/api/users/{user.Id}", await accounts.AccessOfAsync(user));
    }

    private static async Task<IResult> Update(long id, UpdateUserRequest request, UserManager<OrchestratorUser> users, UserAccounts accounts, OrchestratorDbContext db, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }

        if (await UnknownAssignmentsAsync(db, request.ShopIds, request.WarehouseIds, ct) is { } unknown)
        {
            return unknown;
        }

        if ((request.Disabled || !request.Roles!.Contains(Roles.Admin)) && await accounts.IsLastActiveAdminAsync(user))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last admin",
                detail: $"'{user.UserName}' is the only admin who can sign in; make someone else an admin first.");
        }

        user.Disabled = request.Disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            result = await accounts.AssignAsync(user, request.Roles!, request.ShopIds ?? [], request.WarehouseIds ?? []);
        }

        return result.Succeeded ? Results.Ok(await accounts.AccessOfAsync(user)) : IdentityProblems.Of(result);
    }

    private static async Task<IResult> ResetPassword(long id, PasswordRequest request, UserManager<OrchestratorUser> users)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.Password!);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return result.Succeeded ? Results.NoContent() : IdentityProblems.Of(result);
    }

    private static async Task<IResult?> UnknownAssignmentsAsync(OrchestratorDbContext db, IReadOnlyList<long>? shopIds, IReadOnlyList<long>? warehouseIds, CancellationToken ct)
    {
        var shops = shopIds ?? [];
        var known = await db.Shops.Where(s => shops.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (shops.Except(known).FirstOrDefault() is var shop and > 0)
        {
            return Problems.Invalid("shopIds", $"There is no shop {shop}.");
        }

        var warehouses = warehouseIds ?? [];
        var knownWarehouses = await db.Warehouses.Where(w => warehouses.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct);
        return warehouses.Except(knownWarehouses).FirstOrDefault() is var warehouse and > 0
            ? Problems.Invalid("warehouseIds", $"There is no warehouse {warehouse}.")
            : null;
    }
}

public sealed record CreateUserRequest(string? UserName, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<long>? ShopIds, IReadOnlyList<long>? WarehouseIds);

public sealed record UpdateUserRequest(IReadOnlyList<string>? Roles, IReadOnlyList<long>? ShopIds, IReadOnlyList<long>? WarehouseIds, bool Disabled = false);

public sealed record PasswordRequest(string? Password);

internal static class UserRules
{
    public static void ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("Give at least one role.")
            .Must(roles => roles!.All(Roles.People.Contains))
            .WithMessage($"Roles are {string.Join(", ", Roles.People)}.");
}

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._@-]+$")
            .WithMessage("Use letters, digits and . _ @ - only.");
        RuleFor(r => r.Password).NotEmpty().MinimumLength(8).MaximumLength(256);
        RuleFor(r => r.Roles).ValidRoles();
    }
}

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator() => RuleFor(r => r.Roles).ValidRoles();
}

internal sealed class PasswordRequestValidator : AbstractValidator<PasswordRequest>
{
    public PasswordRequestValidator() => RuleFor(r => r.Password).NotEmpty().MinimumLength(8).MaximumLength(256);
}
