namespace CaseRecord.Content;

public static class TextNormaliser
{
    /// <summary>Drops a BOM and turns CRLF/CR line ends into LF; line numbers are unchanged.</summary>
    public static string Normalise(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return text;
    }
}
