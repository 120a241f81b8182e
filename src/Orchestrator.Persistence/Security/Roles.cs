namespace Orchestrator.Persistence.Security;

/// <summary>The roles of Orchestrator. People hold the first four; an API key's principal holds <see cref="Integration"/>.</summary>
public static class Roles
{
    /// <summary>Users, shops, platforms and API keys; passes every people policy.</summary>
    public const string Admin = "Admin";

    /// <summary>Workflows, rules and master data; also reviews and works the floor, in every shop and warehouse.</summary>
    public const string OpsLead = "OpsLead";

    /// <summary>The review queue and exceptions of the shops assigned to them.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Pick, verify and weigh in the warehouses assigned to them.</summary>
    public const string Warehouse = "Warehouse";

    /// <summary>An integration's API key: order intake for its own shop only.</summary>
    public const string Integration = "Integration";

    /// <summary>The roles a person can be given.</summary>
    public static readonly IReadOnlyList<string> People = [Admin, OpsLead, Reviewer, Warehouse];
}

/// <summary>Claim types Orchestrator adds to principals.</summary>
public static class AccessClaims
{
    /// <summary>A shop id a reviewer is assigned to, or the shop an API key belongs to.</summary>
    public const string Shop = "orchestrator:shop";

    /// <summary>A warehouse id a warehouse hand is assigned to.</summary>
    public const string Warehouse = "orchestrator:warehouse";

    /// <summary>The id of the API key a request came with.</summary>
    public const string Key = "orchestrator:key";
}
