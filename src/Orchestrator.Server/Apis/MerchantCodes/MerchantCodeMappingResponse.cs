using Orchestrator.Server.Apis.Exceptions;

namespace Orchestrator.Server.Apis.MerchantCodes;

/// <summary>
/// What mapping a code did: the code, what it maps to (<c>kind</c> Goods or Combo, its id, code and name), whether this call
/// recorded the mapping (<c>created</c>: false when it already mapped there), and the waiting orders it continued or not.
/// </summary>
public sealed record MerchantCodeMappingResponse(
    string MerchantCode,
    string Kind,
    long TargetId,
    string TargetCode,
    string TargetName,
    bool Created,
    IReadOnlyList<RemapItem> Continued,
    IReadOnlyList<RemapItem> StillWaiting);

/// <summary>One mapping in the list: its id (to remove it), the platform's code, and what it maps to (<c>kind</c> Goods or Combo, id, code, name).</summary>
public sealed record MerchantCodeMappingRow(long Id, string MerchantCode, string Kind, long TargetId, string TargetCode, string TargetName);
