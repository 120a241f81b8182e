namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>JD's <c>consigneeInfo</c>: the receiver.</summary>
public sealed record JdConsignee
{
    public string? Fullname { get; init; }

    public string? Mobile { get; init; }

    public string? Telephone { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? County { get; init; }

    public string? FullAddress { get; init; }
}
