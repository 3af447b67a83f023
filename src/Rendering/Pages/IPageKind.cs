using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// One kind of page (articles, speakers, key figures, …): the only place that knows its paths,
/// how each page is made, and which of its pages a change to the record reaches. The three sit in
/// one file so that a page showing something new and its rule for when to be made again change together.
/// </summary>
public interface IPageKind
{
    /// <summary>Every page of this kind, each made only when it is rendered.</summary>
    IEnumerable<PagePlan> Pages(PageContext c);

    /// <summary>The page at <paramref name="path"/> as <see cref="Pages"/> lists it, or null if this kind has none there.</summary>
    PagePlan? Page(PageContext c, string path);

    /// <summary>Its pages whose bytes a change can alter (never called with <see cref="IndexDelta.Everything"/>).</summary>
    IEnumerable<string> Affected(PageContext c, IndexDelta delta);

    /// <summary>Whether it has the same pages, in the same order, as in <see cref="IndexDelta.Before"/>.</summary>
    bool SamePaths(PageContext c, IndexDelta delta);
}

/// <summary>A kind with one page.</summary>
/// <param name="changesWithRecord">Whether the page shows anything of the articles (false: only the settings and theme, which a delta never changes).</param>
public abstract class SinglePage(string path, bool changesWithRecord) : IPageKind
{
    public string Path => path;

    protected abstract PageSpec Build(PageContext c);

    public IEnumerable<PagePlan> Pages(PageContext c) => [new(path, () => Build(c))];

    public PagePlan? Page(PageContext c, string at) => at == path ? new(path, () => Build(c)) : null;

    public IEnumerable<string> Affected(PageContext c, IndexDelta delta) => changesWithRecord ? [path] : [];

    public bool SamePaths(PageContext c, IndexDelta delta) => true;
}
