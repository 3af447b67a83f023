namespace CaseRecord.Authoring;

/// <summary>Values written into front matter: always double-quoted, so a colon, a quote or a leading symbol in them is never read as YAML.</summary>
public static class YamlText
{
    public static string Quote(string value)
    {
        var escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t");
        return $"\"{escaped}\"";
    }
}
