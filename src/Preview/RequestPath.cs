using System.Text;

namespace CaseRecord.Preview;

/// <summary>
/// Turns a request's raw target into a clean relative path, refusing anything that could climb
/// out of the site: ".." or "." segments (encoded or not), encoded slashes or backslashes, NUL.
/// </summary>
public static class RequestPath
{
    /// <summary>Null when the target is refused; otherwise the decoded path without its leading slash (may end with '/').</summary>
    public static string? Clean(string rawTarget)
    {
        var q = rawTarget.IndexOfAny(['?', '#']);
        var raw = q < 0 ? rawTarget : rawTarget[..q];
        if (!raw.StartsWith('/')) return null;
        if (raw.Contains("%2f", StringComparison.OrdinalIgnoreCase) || raw.Contains("%5c", StringComparison.OrdinalIgnoreCase) || raw.Contains('\\')) return null;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException) { return null; }
        if (decoded.Contains('\0') || decoded.Contains('\\')) return null;
        // Refuse bytes that did not decode to valid UTF-8.
        if (decoded.Contains('\uFFFD') && !raw.Contains("%EF%BF%BD", StringComparison.OrdinalIgnoreCase)) return null;
        var segments = decoded[1..].Split('/');
        var sb = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s is "." or "..") return null;
            if (s.Length == 0 && i < segments.Length - 1) return null; // "//" in the middle
            if (i > 0) sb.Append('/');
            sb.Append(s);
        }
        return sb.ToString();
    }
}
