using CaseRecord.Content;

namespace CaseRecord.Rendering;

/// <summary>
/// Makes the href for a link from one output page to another. With an empty LinkRoot links are
/// relative, so the site works from disk and from any folder of any server; with a LinkRoot they
/// are root-relative under it.
/// </summary>
public sealed class LinkBuilder(SiteSettings settings)
{
    // "../" once per folder of depth, made once for the depths pages have rather than for each of
    // the 40 links of every page.
    private static readonly string[] Ups = [.. Enumerable.Range(0, 8).Select(depth => string.Concat(Enumerable.Repeat("../", depth)))];

    public string Href(string fromPath, string toPath, string? fragment = null)
    {
        var target = toPath;
        if (settings.LinkHideIndexPages && (target == "index.html" || target.EndsWith("/index.html", StringComparison.Ordinal)))
            target = target[..^"index.html".Length];

        string href;
        // The 404 page is served at whatever depth was asked for, so its links start from the root.
        if (settings.LinkRoot.Length > 0 || fromPath == SitePaths.NotFound)
        {
            href = settings.LinkRoot + "/" + target;
        }
        else
        {
            var depth = fromPath.AsSpan().Count('/');
            href = string.Concat(depth < Ups.Length ? Ups[depth] : string.Concat(Enumerable.Repeat("../", depth)), target);
            if (href.Length == 0) href = "./";
        }
        return fragment is null ? href : string.Concat(href, "#", fragment);
    }

    /// <summary>The absolute URL of a page (for canonical links, Open Graph, sitemap, feed, JSON-LD); null without a Host.</summary>
    public string? Absolute(string toPath, string? fragment = null)
    {
        if (settings.Host is not { Length: > 0 } host) return null;
        var target = toPath;
        if (settings.LinkHideIndexPages && (target == "index.html" || target.EndsWith("/index.html", StringComparison.Ordinal)))
            target = target[..^"index.html".Length];
        var url = $"{(settings.LinksUseHttps ? "https" : "http")}://{host.TrimEnd('/')}{settings.LinkRoot}/{target}";
        return fragment is null ? url : url + "#" + fragment;
    }

    /// <summary>An outside address as a reader is shown it: host and path (<c>www.oxfordmail.co.uk/news/123/</c>), without scheme, query or fragment.</summary>
    public static string ShownAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host + (u.AbsolutePath == "/" ? "" : Uri.UnescapeDataString(u.AbsolutePath)) : url;

    /// <summary>A link to a place on the same page.</summary>
    public static string Fragment(string id) => "#" + id;
}
