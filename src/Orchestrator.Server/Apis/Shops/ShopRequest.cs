using FluentValidation;

namespace Orchestrator.Server.Apis.Shops;

/// <summary>
/// Create or update a shop; <c>platform</c> is a platform code such as <c>taobao</c>. <c>version</c> is required on update.
/// <c>workflowDefinitionId</c> names the published workflow its orders run; none means the default <c>sales-order</c>.
/// </summary>
public sealed record ShopRequest(
    string? Code,
    string? Name,
    string? Platform,
    long? DefaultWarehouseId,
    long? DefaultLogisticsCompanyId,
    string? AccountingPartner,
    string? DefaultEmployee,
    bool? IsEnabled,
    int? Version,
    string? WorkflowDefinitionId = null);

/// <summary>Which published workflow the shop's new orders run (null: the default <c>sales-order</c>), and the shop version read.</summary>
public sealed record ShopWorkflowRequest(string? WorkflowDefinitionId, int? Version);

internal sealed class ShopWorkflowRequestValidator : AbstractValidator<ShopWorkflowRequest>
{
    public ShopWorkflowRequestValidator() => RuleFor(r => r.WorkflowDefinitionId).MaximumLength(64);
}
