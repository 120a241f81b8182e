namespace Orchestrator.Domain.Orders;

/// <summary>What a platform order may hold to be stored: the push validator and the pull's check share these.</summary>
public static class PlatformOrderLimits
{
    public const int IdLength = 64;
    public const int StatusLength = 64;
    public const int NickLength = 128;
    public const int MessageLength = 1000;
    public const int NameLength = 128;
    public const int MobileLength = 32;
    public const int RegionLength = 64;
    public const int AddressLength = 512;
    public const int ZipLength = 16;
    public const int MaxLines = 200;
    public const int MaxQuantity = 100_000;
    public const decimal MaxAmount = 100_000_000m;
    public const int CodeLength = 64;
    public const int TitleLength = 512;
}
