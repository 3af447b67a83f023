using CaseRecord.Content;

namespace CaseRecord.Rendering.Pages;

/// <summary>The case's front page: the introduction, headline figures and the start of each list. Shows something of every article.</summary>
public sealed class HomePage() : SinglePage(SitePaths.Home, changesWithRecord: true)
{
    private const int Shown = 25;

    protected override PageSpec Build(PageContext c)
    {
        const string path = SitePaths.Home;
        var index = c.Index;
        var title = index.Home.Title ?? index.Settings.SiteTitle;
        var headline = index.FiguresInOrder.Where(f => f.Figure.Spec.Kind is not (FigureKind.Year or FigureKind.Date)).Take(6)
            .Select(f => c.FigureRow(path, f)).ToList();
        var model = new HomeView(title, c.Markdown.ToHtml(index.Home.IntroMarkdown), headline,
            index.Articles.Take(Shown).Select(a => c.ArticleSummary(path, a)).ToList(), index.Articles.Length,
            index.Speakers.OrderByDescending(s => index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []).Length).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Take(Shown).Select(s => c.SpeakerSummary(path, s)).ToList(), index.Speakers.Length,
            index.Timeline.Take(Shown).Select(e => c.TimelineEvent(path, e)).ToList(), index.Timeline.Length,
            c.Href(path, SitePaths.Articles), c.Href(path, SitePaths.Speakers), c.Href(path, SitePaths.Figures), c.Href(path, SitePaths.Timeline));
        return new PageSpec(path, "home", title, index.Settings.SiteDescription, "home", model, PageContext.Meta(c.Data.WebSite()));
    }
}
