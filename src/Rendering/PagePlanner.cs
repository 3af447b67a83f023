using System.Collections.Immutable;
using CaseRecord.Model;
using CaseRecord.Rendering.Pages;

namespace CaseRecord.Rendering;

/// <summary>
/// The site's kinds of page, and what is asked of them all: every page, the page at a path, and
/// the pages a change reaches. Each kind knows its own; this only asks them in order. Pure: the
/// same index gives the same pages.
/// </summary>
public sealed class PagePlanner(CaseIndex index, MarkdownRenderer markdown, Func<string, string> assetPath, long dataBytes = 0)
{
    /// <summary>The kinds, in the order the site lists its pages. A new kind of page is one more here.</summary>
    public static readonly ImmutableArray<IPageKind> Kinds =
    [
        new HomePage(), new ArticleListPages(), new ArticlePages(), new SpeakerListPage(), new SpeakerPages(),
        new FigureListPages(), new FigurePages(), new ValuePages(), new OrganisationListPage(), new OrganisationPages(), new TimelinePages(),
        new DataPage(), new SearchPage(), new NotFoundPage(),
    ];

    private readonly PageContext _context = new(index, markdown, assetPath, dataBytes);

    /// <summary>Every page of the site; a page's model is only built when it is rendered.</summary>
    public ImmutableArray<PagePlan> Plan() => [.. Kinds.SelectMany(k => k.Pages(_context))];

    /// <summary>The pages at these paths, for a rebuild that renders a few; a path the site does not have (a page that went) is passed over.</summary>
    public ImmutableArray<PagePlan> Plan(IEnumerable<string> paths) => [.. paths.Select(Page).OfType<PagePlan>()];

    /// <summary>The page at <paramref name="path"/>, as <see cref="Plan()"/> would plan it; null if the site has none there.</summary>
    public PagePlan? Page(string path)
    {
        foreach (var kind in Kinds)
            if (kind.Page(_context, path) is { } page) return page;
        return null;
    }

    /// <summary>The pages whose bytes a change can alter: every page without a last version to compare with.</summary>
    public IEnumerable<string> Affected(IndexDelta delta) =>
        delta.IsEverything ? Plan().Select(p => p.Path) : Kinds.SelectMany(k => k.Affected(_context, delta)).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the site has the same pages in the same order as the last version: then the last list of pages serves (an edit's usual case, saving 120,000 paths made again).</summary>
    public bool SamePages(IndexDelta delta) => !delta.IsEverything && Kinds.All(k => k.SamePaths(_context, delta));

    // Made once per depth (a page's links to the site's pages differ only by it, and so does the
    // link home) and section: the same instance is then what the theme's fragments reading only
    // the site are cached by (see Fragments.CachedFragment).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Home, string Section), SiteView> _sites = new();

    /// <summary>The site's name, navigation and stylesheet, with links made for the page at <paramref name="from"/>.</summary>
    public SiteView Site(string from, string section) =>
        _sites.GetOrAdd((_context.Links.Href(from, SitePaths.Home), section), _ => MakeSite(from, section));

    private SiteView MakeSite(string from, string section)
    {
        var links = _context.Links;
        return new(
            index.Settings.SiteTitle,
            index.Settings.SiteDescription,
            links.Href(from, SitePaths.Home),
            links.Href(from, SitePaths.Assets + assetPath("site.css")),
            [
                new("Case", links.Href(from, SitePaths.Home), section == "home"),
                new("Articles", links.Href(from, SitePaths.Articles), section == "articles"),
                new("Speakers", links.Href(from, SitePaths.Speakers), section == "speakers"),
                new("Key figures", links.Href(from, SitePaths.Figures), section == "figures"),
                new("Timeline", links.Href(from, SitePaths.Timeline), section == "timeline"),
                new("Organisations", links.Href(from, SitePaths.Organisations), section == "organisations"),
                new("Search", links.Href(from, SitePaths.Search), section == "search"),
            ],
            "case-record " + typeof(PagePlanner).Assembly.GetName().Version?.ToString(3),
            index.Settings.Host is null ? null : links.Href(from, SitePaths.Feed),
            links.Href(from, SitePaths.DataPage))
        { IconHref = links.Href(from, SitePaths.Assets + assetPath("favicon.svg")) };
    }
}
