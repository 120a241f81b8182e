namespace Orchestrator.Rules;

/// <summary>What a matching rule does to the order at service review.</summary>
public enum RuleActionType
{
    /// <summary>Stop for a reviewer with the rule's reason (满足条件阻止).</summary>
    Block,

    /// <summary>Wait until a time (minutes after payment, or a fixed time), then review again.</summary>
    HoldUntil,

    /// <summary>Set aside in the exception queue (异常队列) with the rule's reason.</summary>
    RouteToException,

    /// <summary>Pass; rules after this one are not looked at.</summary>
    AutoApprove,
}
