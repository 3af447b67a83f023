namespace CaseRecord.Rendering.Pages;

/// <summary>The open data page: the record's counts and the size of the data files, so it changes with any article.</summary>
public sealed class DataPage() : SinglePage(SitePaths.DataPage, changesWithRecord: true)
{
    protected override PageSpec Build(PageContext c)
    {
        const string path = SitePaths.DataPage;
        var index = c.Index;
        var model = new DataPageView("Open data", c.Href(path, SitePaths.Data), OpenData.SchemaVersion, index.Articles.Length, index.Speakers.Length,
            index.Articles.Sum(a => a.Quotations.Length), index.FiguresInOrder.Length, c.DataBytes) { Parts = OpenDataParts.For(index).Parts.Length };
        const string description = "Download the whole record as data: articles with their paragraphs, speakers, quotations, key figures and the timeline.";
        return new PageSpec(path, "data", "Open data", description, "data", model, PageContext.Meta(c.Data.CollectionPage(path, "Open data", description)));
    }
}
