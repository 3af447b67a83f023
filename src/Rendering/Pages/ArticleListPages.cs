using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>Every article, newest first, a summary a row, <see cref="PerPage"/> to a page.</summary>
public sealed class ArticleListPages() : ListPages<AnalysedArticle>(SitePaths.Articles, PerPage,
    index => index.Articles, a => a.Doc.Path, PageContext.ArticleSummaryChanged)
{
    public const int PerPage = 100;

    protected override PageSpec Build(PageContext c, string path, IEnumerable<AnalysedArticle> items, int total, PagerView? pager)
    {
        var model = new ListView<ArticleSummaryView>("Articles", items.Select(a => c.ArticleSummary(path, a)).ToList(), pager);
        var description = $"The {total} source articles of the record.";
        var title = Paged.Title("Articles", pager);
        return new PageSpec(path, "articles", title, description, "articles", model, PageContext.Meta(c.Data.CollectionPage(path, title, description)));
    }
}
