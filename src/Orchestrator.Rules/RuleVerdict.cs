namespace Orchestrator.Rules;

/// <summary>What a rule set decides, least severe first.</summary>
public enum RuleVerdict
{
    Approve,
    Hold,
    Block,
    RouteToException,
}
