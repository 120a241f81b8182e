namespace Orchestrator.Persistence.Security;

/// <summary>
/// An integration's key for one shop. Only a SHA-256 hash of the key is stored (the key is 32 random bytes, so a fast hash
/// is enough); <see cref="Prefix"/> is the key's first characters, kept in clear to find the row and to tell keys apart.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public long ShopId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
