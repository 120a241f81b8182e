namespace Orchestrator.Server.Apis;

/// <summary>Query-string enums parsed by the endpoint, so a bad value is a 400 naming the field rather than a binding failure.</summary>
internal static class EnumNames
{
    /// <summary>A value by its name only: Enum.TryParse also takes numbers and comma lists, which no client means.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var name = text.Trim();
        return name.Length > 0 && char.IsAsciiLetter(name[0]) && Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
