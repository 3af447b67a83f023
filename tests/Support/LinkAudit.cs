using AngleSharp.Html.Parser;
using CaseRecord.Output;

namespace CaseRecord.Tests.Support;

/// <summary>Resolves every internal href and src of a built site against its files and element ids.</summary>
public static class LinkAudit
{
    public static List<string> BrokenLinks(MemorySink output)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>();
        HashSet<string> IdsOf(string path)
        {
            if (!ids.TryGetValue(path, out var set))
                ids[path] = set = [.. parser.ParseDocument(output.Text(path)).QuerySelectorAll("[id]").Select(e => e.Id!)];
            return set;
        }

        var broken = new List<string>();
        foreach (var page in output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = parser.ParseDocument(output.Text(page));
            foreach (var el in doc.QuerySelectorAll("[href], [src]"))
            {
                var link = el.GetAttribute("href") ?? el.GetAttribute("src")!;
                if (link.Contains(':')) continue; // external: http(s), mailto
                var hash = link.IndexOf('#');
                var pathPart = hash < 0 ? link : link[..hash];
                var fragment = hash < 0 ? null : link[(hash + 1)..];
                var target = pathPart.Length == 0 ? page : Resolve(page, pathPart);
                if (target is null || !output.Files.ContainsKey(target)) { broken.Add($"{page}: {link} (no file {target})"); continue; }
                if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(target).Contains(fragment))
                    broken.Add($"{page}: {link} (no element #{fragment} in {target})");
            }
        }
        return broken;
    }

    public static string? Resolve(string fromPage, string relative)
    {
        var parts = fromPage.Split('/').SkipLast(1).ToList();
        if (relative.StartsWith('/')) { parts.Clear(); relative = relative.TrimStart('/'); }
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        var path = string.Join('/', parts);
        if (relative.EndsWith('/') || path.Length == 0) path = (path.Length == 0 ? "" : path + "/") + "index.html";
        return path;
    }
}
