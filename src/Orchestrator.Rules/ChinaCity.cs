namespace Orchestrator.Rules;

/// <summary>
/// A city as platforms put it in receiver_city: a prefecture-level division (杭州市, 延边朝鲜族自治州, 阿里地区, 兴安盟), a
/// municipality as a city of itself (北京市), or a county-level city or county the province administers directly (仙桃市),
/// with the province's full name and the short name people type (杭州, 延边, 阿里).
/// </summary>
public sealed record ChinaCity(string Province, string FullName, string ShortName) : IRuleFieldChoice;
