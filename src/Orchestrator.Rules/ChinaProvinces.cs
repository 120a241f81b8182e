namespace Orchestrator.Rules;

/// <summary>
/// China's 34 provincial-level divisions. Taobao's receiver_state is the official full name (新疆维吾尔自治区) while
/// people, and some platforms, write the short one (新疆); <see cref="FullName"/> makes either the full name, so a rule
/// and an order compare by the division rather than by spelling.
/// </summary>
public static class ChinaProvinces
{
    public static IReadOnlyList<ChinaProvince> All { get; } =
    [
        new("北京市", "北京"), new("天津市", "天津"), new("上海市", "上海"), new("重庆市", "重庆"),
        new("河北省", "河北"), new("山西省", "山西"), new("辽宁省", "辽宁"), new("吉林省", "吉林"), new("黑龙江省", "黑龙江"),
        new("江苏省", "江苏"), new("浙江省", "浙江"), new("安徽省", "安徽"), new("福建省", "福建"), new("江西省", "江西"),
        new("山东省", "山东"), new("河南省", "河南"), new("湖北省", "湖北"), new("湖南省", "湖南"), new("广东省", "广东"),
        new("海南省", "海南"), new("四川省", "四川"), new("贵州省", "贵州"), new("云南省", "云南"), new("陕西省", "陕西"),
        new("甘肃省", "甘肃"), new("青海省", "青海"), new("台湾省", "台湾"),
        new("内蒙古自治区", "内蒙古"), new("广西壮族自治区", "广西"), new("西藏自治区", "西藏"), new("宁夏回族自治区", "宁夏"),
        new("新疆维吾尔自治区", "新疆"),
        new("香港特别行政区", "香港"), new("澳门特别行政区", "澳门"),
    ];

    // Other spellings seen on platforms and typed by people, besides the short name.
    private static readonly (string Alias, string FullName)[] OtherSpellings =
    [
        ("内蒙", "内蒙古自治区"), ("广西自治区", "广西壮族自治区"), ("宁夏自治区", "宁夏回族自治区"), ("新疆自治区", "新疆维吾尔自治区"),
        ("香港特区", "香港特别行政区"), ("澳门特区", "澳门特别行政区"), ("台湾地区", "台湾省"),
    ];

    private static readonly Dictionary<string, string> ByName = All
        .SelectMany(p => new[] { (p.FullName, p.FullName), (p.ShortName, p.FullName) })
        .Concat(OtherSpellings)
        .ToDictionary(p => TextNormalizer.Normalize(p.Item1), p => p.Item2, StringComparer.Ordinal);

    /// <summary>
    /// The official full name for a full, short or other known spelling (traditional characters, full-width and stray
    /// spaces allowed: 新 疆 → 新疆维吾尔自治区); any other text comes back as it was.
    /// </summary>
    public static string? FullName(string? name) =>
        name is not null && ByName.TryGetValue(TextNormalizer.Normalize(name), out var full) ? full : name;
}
