using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Orchestrator.Persistence.Security;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Auth;

/// <summary>Signing in and out, who am I, and the one-time creation of the first admin.</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/sign-in", SignIn).Validate<SignInRequest>().AllowAnonymous();
        group.MapPost("/sign-out", SignOut).AllowAnonymous();
        group.MapGet("/me", Me).AllowAnonymous();
        group.MapGet("/setup", async (UserAccounts accounts, CancellationToken ct) => Results.Ok(new SetupState(!await accounts.AnyAsync(ct)))).AllowAnonymous();
        group.MapPost("/setup", Setup).Validate<SignInRequest>().AllowAnonymous();
        group.MapPost("/password", ChangePassword).Validate<ChangePasswordRequest>().ForReaders();
        return routes;
    }

    private static async Task<IResult> SignIn(SignInRequest request, UserManager<OrchestratorUser> users, SignInManager<OrchestratorUser> signIn, UserAccounts accounts)
    {
        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null || user.Disabled)
        {
            return WrongCredentials();
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked",
                detail: "Too many wrong passwords: this account is locked for a few minutes. Try again later or ask an admin to reset the password.");
        }

        return result.Succeeded ? Results.Ok(await accounts.AccessOfAsync(user)) : WrongCredentials();
    }

    private static async Task<IResult> SignOut(SignInManager<OrchestratorUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.NoContent();
    }

    private static IResult Me(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? Results.Ok(UserAccess.Of(context.User))
            : Results.Problem(AuthorizationProblems.Unauthorized(context));

    private static async Task<IResult> Setup(SignInRequest request, UserAccounts accounts, SignInManager<OrchestratorUser> signIn, CancellationToken ct)
    {
        var (user, result) = await accounts.CreateFirstAdminAsync(request.UserName!, request.Password!, ct);
        if (!result.Succeeded)
        {
            return IdentityProblems.Of(result);
        }

        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already set up",
                detail: "The first admin exists already. Sign in, and ask an admin to create your account.");
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return Results.Created("/api/auth/me", await accounts.AccessOfAsync(user));
    }

    /// <summary>A person changes their own password; their other sessions end at their next check, this one carries on.</summary>
    private static async Task<IResult> ChangePassword(
        ChangePasswordRequest request, HttpContext context, UserManager<OrchestratorUser> users, SignInManager<OrchestratorUser> signIn)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return Results.Problem(AuthorizationProblems.Unauthorized(context));
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return Problems.Invalid("currentPassword", "The current password is wrong.");
        }

        if (!result.Succeeded)
        {
            return Problems.Invalid("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await signIn.RefreshSignInAsync(user);
        return Results.NoContent();
    }

    private static IResult WrongCredentials() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The user name or password is wrong.");
}

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record SetupState(bool Needed);

internal sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(256);
        RuleFor(r => r.NewPassword).NotEmpty().MinimumLength(8).MaximumLength(256);
    }
}

/// <summary>Identity's errors as a validation problem naming the field each is about.</summary>
internal static class IdentityProblems
{
    public static IResult Of(IdentityResult result) => Problems.Invalid(result.Errors
        .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
            : e.Code.Contains("Role", StringComparison.Ordinal) ? "roles" : "body")
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
