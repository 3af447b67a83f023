using System.Collections.Immutable;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// A kind whose pages are one long list of the record cut into pages: the paths, the route and
/// the dependency rule follow from the list, the key of an item and when its row changes.
/// </summary>
/// <param name="key">What makes two versions the same item.</param>
/// <param name="rowChanged">Whether the item's row shows anything new.</param>
public abstract class ListPages<T>(string list, int perPage, Func<CaseIndex, ImmutableArray<T>> items, Func<T, string> key, Func<T, IndexDelta, bool> rowChanged)
    : IPageKind where T : class
{
    private ImmutableArray<T> Items(CaseIndex index) => items(index);

    /// <summary>Page <paramref name="number"/>, showing <paramref name="items"/> with <paramref name="pager"/>.</summary>
    protected abstract PageSpec Build(PageContext c, string path, IEnumerable<T> items, int total, PagerView? pager);

    private PageSpec Build(PageContext c, int number)
    {
        var all = Items(c.Index);
        var (skip, take, pager) = Paged.Slice(c.Links, list, number, all.Length, perPage);
        return Build(c, SitePaths.Paged(list, number), all.Skip(skip).Take(take), all.Length, pager);
    }

    public IEnumerable<PagePlan> Pages(PageContext c) => Paged.Pages(list, Items(c.Index).Length, perPage, n => Build(c, n));

    public PagePlan? Page(PageContext c, string path) => Paged.Page(path, list, Items(c.Index).Length, perPage, n => Build(c, n));

    public IEnumerable<string> Affected(PageContext c, IndexDelta delta) =>
        Paged.Affected(list, perPage, Items(delta.Before!), Items(c.Index), key, item => rowChanged(item, delta));

    public bool SamePaths(PageContext c, IndexDelta delta) => Paged.SameCount(Items(delta.Before!).Length, Items(c.Index).Length, perPage);
}

/// <summary>
/// A kind with a paged list for each of some named things (a speaker's quotations, an
/// organisation's mentions): the lists an edit reaches are those the delta names.
/// </summary>
/// <param name="folder">The first folder of every list's path (<c>FOLDER/SLUG/</c>, then <c>FOLDER/SLUG/page/N/</c>).</param>
/// <param name="reached">The owners whose lists the delta changed.</param>
/// <param name="key">What makes two versions the same item.</param>
/// <param name="rowChanged">Whether the item's row shows anything new.</param>
public abstract class NamedListPages<TOwner, T>(string folder, int perPage, Func<CaseIndex, IEnumerable<TOwner>> owners, Func<CaseIndex, string, TOwner?> owner,
    Func<TOwner, string> slugOf, Func<CaseIndex, string, ImmutableArray<T>> items, Func<IndexDelta, IEnumerable<string>> reached,
    Func<T, string> key, Func<T, IndexDelta, bool> rowChanged) : IPageKind where TOwner : class where T : class
{
    private string ListPath(string slug) => $"{folder}/{slug}/index.html";
    private string Slug(TOwner o) => slugOf(o);
    private ImmutableArray<T> Items(CaseIndex index, string slug) => items(index, slug);
    private TOwner? Owner(CaseIndex index, string slug) => owner(index, slug);

    /// <summary>Whether every page of the owner's list changed (it shows something of the whole list).</summary>
    protected virtual bool EveryPage(PageContext c, IndexDelta delta, string slug) => false;

    protected abstract PageSpec Build(PageContext c, TOwner owner, string path, IReadOnlyList<T> items, int total, PagerView? pager);

    private PageSpec Build(PageContext c, TOwner owner, int number)
    {
        var slug = Slug(owner);
        var all = Items(c.Index, slug);
        var (skip, take, pager) = Paged.Slice(c.Links, ListPath(slug), number, all.Length, perPage);
        return Build(c, owner, SitePaths.Paged(ListPath(slug), number), [.. all.Skip(skip).Take(take)], all.Length, pager);
    }

    public IEnumerable<PagePlan> Pages(PageContext c) =>
        owners(c.Index).SelectMany(o => Paged.Pages(ListPath(Slug(o)), Items(c.Index, Slug(o)).Length, perPage, n => Build(c, o, n)));

    public PagePlan? Page(PageContext c, string path) =>
        path.Split('/') is [var first, var slug, _, ..] && first == folder && Owner(c.Index, slug) is { } o
            ? Paged.Page(path, ListPath(slug), Items(c.Index, slug).Length, perPage, n => Build(c, o, n)) : null;

    public IEnumerable<string> Affected(PageContext c, IndexDelta delta) =>
        reached(delta).Where(slug => Owner(c.Index, slug) is not null).SelectMany(slug =>
            Paged.Affected(ListPath(slug), perPage, Items(delta.Before!, slug), Items(c.Index, slug), key, item => rowChanged(item, delta), EveryPage(c, delta, slug)));

    // An owner that came or went (a value's group grew past what a figure page lists) adds or drops its pages.
    public bool SamePaths(PageContext c, IndexDelta delta) =>
        reached(delta).All(slug => (Owner(delta.Before!, slug) is null) == (Owner(c.Index, slug) is null)
            && Paged.SameCount(Items(delta.Before!, slug).Length, Items(c.Index, slug).Length, perPage));
}

/// <summary>A list of figure entries in some order (all figures, the dated events): an entry's row changes when the delta names its figure.</summary>
public abstract class FigureEntryListPages(string list, int perPage, Func<CaseIndex, ImmutableArray<FigureEntry>> items)
    : ListPages<FigureEntry>(list, perPage, items, e => e.Id, PageContext.FigureRowChanged);
