namespace Orchestrator.Server.Apis;

/// <summary>The problem-details answers endpoints share, so each error names the field or record concerned.</summary>
internal static class Problems
{
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(errors);

    public static IResult NotFound(string what, object id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id {id}.");

    public static IResult Duplicate(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: StatusCodes.Status409Conflict, title: "Already exists");

    public static IResult VersionConflict(string what, long id, int expected, int actual) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict",
            detail: $"{what} {id} is at version {actual}, but the update was based on version {expected}. Read it again and reapply your change.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = actual });
}
