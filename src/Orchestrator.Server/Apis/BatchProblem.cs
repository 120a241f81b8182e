using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Server.Apis;

/// <summary>
/// Why one item of a batch call failed: the problem details the single endpoint would have answered, with the field a 400
/// is about, who got there first on a 409 (<c>handledBy</c>) and the problem's <c>code</c> where it has one.
/// </summary>
public sealed record BatchProblem(string Title, string Detail, string? Field = null, string? HandledBy = null, string? Code = null)
{
    /// <summary>An item the caller may not touch (not in one of their shops), as the single endpoint's scope filter answers.</summary>
    public static BatchProblem NotAssigned(string detail) => new("Not assigned to you", detail);

    /// <summary>The status and problem of a single endpoint's answer, so a batch reports each item exactly as that endpoint would.</summary>
    public static (int Status, BatchProblem? Problem) From(IResult result)
    {
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (result is not IValueHttpResult { Value: ProblemDetails problem })
        {
            return (status, null);
        }

        var error = (problem as HttpValidationProblemDetails)?.Errors.FirstOrDefault();
        var detail = problem.Detail ?? string.Join(" ", error?.Value ?? []);
        var handledBy = problem.Extensions.TryGetValue("handledBy", out var by) ? by as string : null;
        var code = problem.Extensions.TryGetValue("code", out var named) ? named as string : null;
        return (problem.Status ?? status, new BatchProblem(problem.Title ?? "Failed", detail, error?.Key, handledBy, code));
    }
}
