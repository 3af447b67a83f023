using System.Text.RegularExpressions;

namespace CaseRecord.Content.Yaml;

/// <summary>
/// The hint for YAML's commonest trap in front matter: a plain (unquoted) value holding ': ', such
/// as a headline with a colon, which YAML rejects ("found invalid mapping") or, in a list, reads as
/// a key and a value. Quoting the value is the fix, so the hint shows the line quoted.
/// </summary>
public static partial class ColonHint
{
    // An optional "- ", a key, then a plain value: one that does not open with a quote, bracket or block indicator.
    [GeneratedRegex(@"^(?<lead>\s*(?:-\s+)?)(?<key>[^\s:#'""\[\]{},-][^:#]*?):\s+(?<value>[^\s'""\[{|>&*!%@`].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyAndPlainValue();

    /// <summary>For a line YAML could not read: "; … put it in quotes: key: "value"" when its value holds ': ', else "".</summary>
    public static string ForLine(string line)
    {
        var m = KeyAndPlainValue().Match(line.TrimEnd());
        if (!m.Success) return "";
        var value = WithoutComment(m.Groups["value"].Value);
        if (!HoldsColon(value)) return "";
        return $"; the value holds ': ', which YAML takes for the start of another key: put it in quotes, {m.Groups["key"].Value.Trim()}: {Quoted(value)}";
    }

    /// <summary>For a list item YAML read as a one-key mapping ("- Comments: read our policy"): the hint to quote it, else "".</summary>
    public static string ForItem(YMapping item)
    {
        if (item.Entries.Length != 1 || item.Entries[0] is not { Key.IsPlain: true, Value: YScalar { IsPlain: true } value } entry) return "";
        var text = value.IsNull ? entry.Key.Value + ":" : $"{entry.Key.Value}: {value.Value}";
        return $"; '{text}' holds ': ', which YAML takes for a key and its value: put the item in quotes, {Quoted(text)}";
    }

    private static bool HoldsColon(string value) => value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(':');

    private static string WithoutComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? value : value[..hash]).TrimEnd();
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
