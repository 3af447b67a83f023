namespace CaseRecord.Rendering.Pages;

/// <summary>The search page: made from the settings and the theme alone.</summary>
public sealed class SearchPage() : SinglePage(SitePaths.Search, changesWithRecord: false)
{
    protected override PageSpec Build(PageContext c)
    {
        const string path = SitePaths.Search;
        // The index is made after the build by Pagefind; its script is loaded by search.js, so the
        // page (and the link check) does not depend on whether Node was there to make it.
        var model = new SearchView("Search", c.Href(path, SitePaths.SearchBundle), c.Index.Settings.LinkRoot + "/", c.Href(path, SitePaths.Assets + c.AssetPath("search.js")),
            c.Href(path, SitePaths.Articles), c.Href(path, SitePaths.Speakers), c.Href(path, SitePaths.Figures));
        const string description = "Search the articles, quotations, speakers and key figures of the record.";
        return new PageSpec(path, "search", "Search", description, "search", model, PageContext.Meta(c.Data.CollectionPage(path, "Search", description)));
    }
}
