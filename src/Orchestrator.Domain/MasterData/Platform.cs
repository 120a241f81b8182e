namespace Orchestrator.Domain.MasterData;

/// <summary>A sales channel: Taobao, Tmall, JD, AliExpress, Amazon, a POS system.</summary>
public sealed class Platform : Entity
{
    public required string Code { get; set; }

    public required string Name { get; set; }
}
