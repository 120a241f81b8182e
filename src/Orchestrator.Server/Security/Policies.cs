using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>
/// The authorization policies every endpoint declares one of (a test enumerates the endpoints and fails on one without).
/// Roles nest: Admin passes everything, an ops lead also reviews and works the floor; shop and warehouse assignments
/// narrow reviewers and warehouse hands further, per resource (see <see cref="AccessScope"/>).
/// </summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string OpsLead = "OpsLead";
    public const string Reviewer = "Reviewer";
    public const string Warehouse = "Warehouse";

    /// <summary>Any signed-in person: lists and details.</summary>
    public const string Reader = "Reader";

    /// <summary>Order intake for one shop: that shop's API key, or an admin or ops lead.</summary>
    public const string Intake = "Intake";

    internal static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [OpsLead] = [Roles.Admin, Roles.OpsLead],
        [Reviewer] = [Roles.Admin, Roles.OpsLead, Roles.Reviewer],
        [Warehouse] = [Roles.Admin, Roles.OpsLead, Roles.Warehouse],
        [Reader] = [Roles.Admin, Roles.OpsLead, Roles.Reviewer, Roles.Warehouse],
        [Intake] = [Roles.Admin, Roles.OpsLead, Roles.Integration],
    };
}

/// <summary>Short names for declaring an endpoint's policy where it is mapped.</summary>
public static class PolicyConventions
{
    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.Admin);

    public static TBuilder ForOpsLeads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.OpsLead);

    public static TBuilder ForReviewers<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.Reviewer);

    public static TBuilder ForWarehouse<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.Warehouse);

    public static TBuilder ForReaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.Reader);

    public static TBuilder ForIntake<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.Intake);
}
