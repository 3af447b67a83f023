using System.Collections.Immutable;
using System.Globalization;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// A long list cut into pages (Hugo's layout: the list's own path, then <c>LIST/page/N/</c>), so no
/// page grows with the record: the paths, the route back from a path, each page's slice and pager,
/// and which pages an edit reaches.
/// </summary>
public static class Paged
{
    public static int PageCount(int items, int perPage) => Math.Max(1, (items + perPage - 1) / perPage);

    public static IEnumerable<PagePlan> Pages(string list, int items, int perPage, Func<int, PageSpec> page)
    {
        var count = PageCount(items, perPage);
        for (var n = 1; n <= count; n++)
        {
            var number = n;
            yield return new(SitePaths.Paged(list, n), () => page(number));
        }
    }

    /// <summary>The page number <paramref name="path"/> stands for in <paramref name="list"/>, as <see cref="SitePaths.Paged"/> writes it; null if none.</summary>
    public static int? Number(string path, string list, int items, int perPage)
    {
        if (path == list) return 1;
        var folder = list[..^"index.html".Length] + "page/";
        if (path.Length <= folder.Length + "/index.html".Length || !path.StartsWith(folder, StringComparison.Ordinal)
            || !path.EndsWith("/index.html", StringComparison.Ordinal)) return null;
        var n = path[folder.Length..^"/index.html".Length];
        var ok = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && n == number.ToString(CultureInfo.InvariantCulture) && number >= 2 && number <= PageCount(items, perPage);
        return ok ? number : null;
    }

    /// <summary>The page at <paramref name="path"/> of a list, or null.</summary>
    public static PagePlan? Page(string path, string list, int items, int perPage, Func<int, PageSpec> page) =>
        Number(path, list, items, perPage) is { } number ? new(path, () => page(number)) : null;

    /// <summary>Which slice of a list page <paramref name="number"/> shows, and how it links to the others.</summary>
    public static (int Skip, int Take, PagerView? Pager) Slice(LinkBuilder links, string list, int number, int items, int perPage)
    {
        var count = PageCount(items, perPage);
        var skip = (number - 1) * perPage;
        var take = Math.Min(perPage, Math.Max(0, items - skip));
        if (count == 1) return (0, items, null);
        var from = SitePaths.Paged(list, number);
        var shown = new List<PagerLink>();
        var gap = false;
        foreach (var n in Shown(number, count))
        {
            if (n is { } page) shown.Add(new PagerLink(page.ToString(CultureInfo.InvariantCulture), links.Href(from, SitePaths.Paged(list, page)), page == number, gap));
            gap = n is null;
        }
        return (skip, take, new PagerView(number, count, skip + 1, skip + take, items,
            number > 1 ? links.Href(from, SitePaths.Paged(list, number - 1)) : null,
            number < count ? links.Href(from, SitePaths.Paged(list, number + 1)) : null, shown));
    }

    /// <summary>Pages either side of the current one that the pager links to, besides the first and the last.</summary>
    public const int Window = 2;

    /// <summary>
    /// The pages a pager links to: all of a short list's; of a long one the first, the last and
    /// <see cref="Window"/> either side of the current, with a gap (null) where pages are left out.
    /// Linking every page from every page made a list of N pages cost N² links (a speaker quoted
    /// 280,000 times: 2,800 pages of 2,800 links).
    /// </summary>
    public static IEnumerable<int?> Shown(int number, int count)
    {
        var last = 0;
        for (var n = 1; n <= count; n++)
        {
            if (n != 1 && n != count && Math.Abs(n - number) > Window && count > 2 * Window + 5) continue;
            if (n > last + 1) yield return null;
            yield return n;
            last = n;
        }
    }

    public static string Title(string title, PagerView? pager) => pager is null || pager.Number == 1 ? title : $"{title}, page {pager.Number} of {pager.Count}";

    /// <summary>
    /// The pages of a list that differ from the last version's: every page when the list's length
    /// (and so each pager) changed or <paramref name="everyPage"/>, else a page whose slice holds
    /// another item, or an item whose row changed. A record of 10,000 articles has hundreds of such
    /// pages; an edit reaches one or two.
    /// </summary>
    /// <param name="key">What makes two versions the same item.</param>
    /// <param name="rowChanged">Whether the item's row shows anything new; the same object never does (the delta's promise), so most rows are passed over unread.</param>
    public static IEnumerable<string> Affected<T>(string list, int perPage, ImmutableArray<T> before, ImmutableArray<T> after,
        Func<T, string> key, Func<T, bool> rowChanged, bool everyPage = false) where T : class
    {
        var count = PageCount(after.Length, perPage);
        var all = everyPage || before.Length != after.Length;
        for (var n = 1; n <= count; n++)
        {
            var end = Math.Min(after.Length, n * perPage);
            var differs = all;
            for (var i = (n - 1) * perPage; i < end && !differs; i++)
                differs = !ReferenceEquals(before[i], after[i]) && (key(before[i]) != key(after[i]) || rowChanged(after[i]));
            if (differs) yield return SitePaths.Paged(list, n);
        }
    }

    /// <summary>Whether a list has as many pages as before.</summary>
    public static bool SameCount(int before, int after, int perPage) => PageCount(before, perPage) == PageCount(after, perPage);
}
