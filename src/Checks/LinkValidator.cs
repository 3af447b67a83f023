using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Text;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Output;

namespace CaseRecord.Checks;

/// <summary>
/// Statiq's ValidateRelativeLinks, stricter: every internal href and src of the built pages, and
/// every #fragment, must lead to a file of the output and an element with that id. Runs on the
/// output itself, so it checks what readers will get, whatever the theme does.
/// </summary>
public static class LinkValidator
{
    // The attributes are found with a vectorised multi-string search and checked by hand, rather
    // than by a regex anchored on "\s" that tries every space of every page; a property test
    // (LinkResolveTests) holds the scan to the two expressions it replaced.
    private static readonly System.Buffers.SearchValues<string> LinkNames = System.Buffers.SearchValues.Create(["href=", "src="], StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> IdNames = System.Buffers.SearchValues.Create(["id="], StringComparison.Ordinal);

    /// <summary>Checks the given pages of a site held in memory; ids of pages not checked are read when a link needs them.</summary>
    /// <param name="idsKept">A session's ids of pages read before, by file: a file is never changed, so neither are its ids.</param>
    public static ImmutableArray<Diagnostic> Validate(
        IReadOnlyDictionary<string, OutputFile> files, IEnumerable<string> pagesToCheck, SiteSettings settings,
        System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>>? idsKept = null)
    {
        List<string> IdsOf(OutputFile file) => Ids(Encoding.UTF8.GetString(file.Content));
        var checker = new LinkChecker(files.ContainsKey, settings,
            target => !files.TryGetValue(target, out var f) ? null : idsKept is null ? IdsOf(f) : idsKept.GetValue(f, IdsOf));
        Parallel.ForEach(pagesToCheck.Where(p => p.EndsWith(".html", StringComparison.Ordinal)), page =>
        {
            if (files.TryGetValue(page, out var file)) checker.Scan(page, Encoding.UTF8.GetString(file.Content));
        });
        return checker.Finish();
    }

    /// <summary>Where one attribute is: the offset of its name, and of its value (unquoted, not decoded) and the value's length.</summary>
    internal readonly record struct Attribute(int Name, int Value, int Length);

    /// <summary>
    /// Every <c>href</c> and <c>src</c> value in document order, with the offset of its attribute
    /// name: the attribute follows white space and its value is quoted, as a theme writes it.
    /// </summary>
    internal static void Links(ReadOnlySpan<char> html, List<string> links, List<int> offsets)
    {
        var found = new List<Attribute>();
        LinkAttributes(html, found);
        foreach (var a in found)
        {
            links.Add(html.Slice(a.Value, a.Length).ToString());
            offsets.Add(a.Name);
        }
    }

    internal static void LinkAttributes(ReadOnlySpan<char> html, List<Attribute> into) => Attributes(html, LinkNames, into);

    internal static void IdAttributes(ReadOnlySpan<char> html, List<Attribute> into) => Attributes(html, IdNames, into);

    internal static List<string> Ids(ReadOnlySpan<char> html)
    {
        var found = new List<Attribute>();
        IdAttributes(html, found);
        var ids = new List<string>(found.Count);
        foreach (var a in found) ids.Add(WebUtility.HtmlDecode(html.Slice(a.Value, a.Length).ToString()));
        return ids;
    }

    /// <summary>Each value of the named attributes in document order.</summary>
    private static void Attributes(ReadOnlySpan<char> html, System.Buffers.SearchValues<string> names, List<Attribute> into)
    {
        var from = 0;
        while (from < html.Length)
        {
            var found = html[from..].IndexOfAny(names);
            if (found < 0) return;
            var start = from + found;
            var quoteAt = start + html[start..].IndexOf('=') + 1; // every name searched for ends in '='
            if (start > 0 && char.IsWhiteSpace(html[start - 1]) && quoteAt < html.Length && html[quoteAt] is '"' or '\'')
            {
                var length = html[(quoteAt + 1)..].IndexOf(html[quoteAt]);
                if (length >= 0)
                {
                    into.Add(new Attribute(start, quoteAt + 1, length));
                    from = quoteAt + 1 + length + 1;
                    continue;
                }
            }
            from = start + 1;
        }
    }

    /// <summary>What is wrong with a link from <paramref name="page"/>, as (problem, target, fragment): the target is set when only its fragment remains to be checked.</summary>
    internal static (string? Problem, string? Target, string? Fragment) Check(string page, string link, Func<string, bool> exists, string linkRoot)
    {
        if (link.Length == 0) return ("the link is empty", null, null);
        if (IsExternal(link)) return (null, null, null);
        var hash = link.IndexOf('#');
        var pathPart = hash < 0 ? link : link[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        string target;
        if (pathPart.Length == 0) target = page;
        else if (pathPart.StartsWith('/'))
        {
            if (linkRoot.Length > 0)
            {
                if (pathPart != linkRoot && !pathPart.StartsWith(linkRoot + "/", StringComparison.Ordinal))
                    return ($"it points outside the link root {linkRoot}", null, null);
                pathPart = pathPart[linkRoot.Length..];
            }
            var resolved = Resolve("", pathPart.TrimStart('/'));
            if (resolved is null) return ("it climbs above the site's root", null, null);
            target = resolved;
        }
        else
        {
            var resolved = Resolve(page, pathPart);
            if (resolved is null) return ("it climbs above the site's root", null, null);
            target = resolved;
        }

        if (!exists(target)) return ($"there is no {target} in the output", null, null);
        if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal)) return (null, target, fragment);
        return (null, null, null);
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("/?#");

    private static bool IsExternal(string link)
    {
        if (link.StartsWith("//", StringComparison.Ordinal)) return true;
        var colon = link.IndexOf(':');
        var separator = link.AsSpan().IndexOfAny(Separators);
        return colon > 0 && (separator < 0 || colon < separator);
    }

    /// <summary>The output path a relative link from <paramref name="fromPage"/> leads to; folders mean their index.html.</summary>
    public static string? Resolve(string fromPage, string relative)
    {
        // The links a theme makes are plain "../../x/y/": resolved by slicing, without splitting.
        var simple = SimpleResolve(fromPage, relative);
        if (simple is not null) return simple.Length == 0 ? null : simple;
        return ResolveBySegments(fromPage, relative);
    }

    internal static string? ResolveBySegments(string fromPage, string relative)
    {
        var parts = fromPage.Split('/').SkipLast(1).Where(p => p.Length > 0).ToList();
        var segments = relative.Split('/');
        foreach (var raw in segments)
        {
            var part = Uri.UnescapeDataString(raw);
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        var path = string.Join('/', parts);
        var isFolder = relative.Length == 0 || relative.EndsWith('/') || segments[^1] is "." or "..";
        return isFolder ? (path.Length == 0 ? "index.html" : path + "/index.html") : path;
    }

    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create("%\\?#");

    /// <summary>The target of a link made only of leading "../" and plain segments; null for anything else, "" when it climbs above the root.</summary>
    private static string? SimpleResolve(string fromPage, string relative)
    {
        // A target is at most the page's folder, a slash, the link and "index.html".
        var most = fromPage.Length + relative.Length + "/index.html".Length;
        Span<char> into = most <= 512 ? stackalloc char[512] : new char[most];
        var written = SimpleResolve(fromPage, relative, into);
        return written < 0 ? null : written == 0 ? "" : into[..written].ToString();
    }

    /// <summary>
    /// Writes the target of a link made only of leading "../" and plain segments into
    /// <paramref name="into"/>: the number of characters written, 0 when the link climbs above the
    /// root, -1 for any other link or a target longer than <paramref name="into"/>.
    /// </summary>
    internal static int SimpleResolve(ReadOnlySpan<char> fromPage, ReadOnlySpan<char> relative, Span<char> into)
    {
        var rest = relative;
        var up = 0;
        while (rest.StartsWith("../")) { up++; rest = rest[3..]; }
        if (rest.ContainsAny(Unusual) || rest.IndexOf("./", StringComparison.Ordinal) >= 0 || rest.SequenceEqual("..") || rest.SequenceEqual(".") || rest.EndsWith("/..") || rest.EndsWith("/.") || rest.StartsWith("/") || rest.Contains("//", StringComparison.Ordinal))
            return -1;
        var dir = fromPage[..Math.Max(0, fromPage.LastIndexOf('/'))];
        for (var i = 0; i < up; i++)
        {
            if (dir.Length == 0) return 0;
            var slash = dir.LastIndexOf('/');
            dir = slash < 0 ? [] : dir[..slash];
        }
        var isFolder = rest.Length == 0 || rest[^1] == '/';
        var length = dir.Length + (dir.Length > 0 ? 1 : 0) + rest.Length + (isFolder ? "index.html".Length : 0);
        if (length > into.Length) return -1;
        dir.CopyTo(into);
        var written = dir.Length;
        if (dir.Length > 0) into[written++] = '/';
        rest.CopyTo(into[written..]);
        written += rest.Length;
        if (isFolder) "index.html".CopyTo(into[written..]);
        return length;
    }
}
