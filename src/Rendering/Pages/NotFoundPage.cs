namespace CaseRecord.Rendering.Pages;

/// <summary>The page a host serves for an unknown address: made from the settings and the theme alone.</summary>
public sealed class NotFoundPage() : SinglePage(SitePaths.NotFound, changesWithRecord: false)
{
    protected override PageSpec Build(PageContext c)
    {
        var model = new NotFoundView("Page not found", c.Href(SitePaths.NotFound, SitePaths.Home));
        return new PageSpec(SitePaths.NotFound, "404", "Page not found", "There is no page at this address.", "404", model, PageContext.Meta(c.Data.WebSite()));
    }
}
