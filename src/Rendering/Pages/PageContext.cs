using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// What every page kind makes its pages from: the record, the link maker, the Markdown pipeline,
/// the theme's asset names and the size of the data file; and the rows several kinds show (a
/// figure's row, an article's summary, …), each beside the rule for when it changes.
/// </summary>
public sealed class PageContext(CaseIndex index, MarkdownRenderer markdown, Func<string, string> assetPath, long dataBytes)
{
    public CaseIndex Index => index;
    public LinkBuilder Links { get; } = new(index.Settings);
    public MarkdownRenderer Markdown => markdown;
    public Func<string, string> AssetPath => assetPath;

    /// <summary>The size of data/case.json, which the data page shows.</summary>
    public long DataBytes => dataBytes;

    public StructuredData Data => new(index, Links);

    public string Href(string from, string to, string? fragment = null) => Links.Href(from, to, fragment);

    public static PageMeta Meta(System.Text.Json.Nodes.JsonNode jsonLd, string ogType = "website", string? published = null) => new(ogType, published, jsonLd);

    /// <summary>
    /// A figure's row: label, value, its share of another (that one's label), article and
    /// paragraph, whose words they are, and how many articles state it. It changes when its entry
    /// does: the index makes an entry again whenever its figure, its article or the figure it is a
    /// share of changed (and a fact of the case, stated by several, only in a full join).
    /// </summary>
    /// <param name="statement">On an article's page: the article's own statement of a fact of the case, shown as it gives it.</param>
    public FigureRowView FigureRow(string from, FigureEntry e, FigureStatement? statement = null)
    {
        var (f, a) = statement is null ? (e.Figure, e.Article) : (statement.Figure, statement.Article);
        return new FigureRowView(e.Id, f.Spec.Label, ValueFormatter.Value(f), Href(from, SitePaths.Figure(e.Id)),
            e.Percent is { } pc ? ValueFormatter.Percent(pc) : null,
            e.Percent is { } pn ? BarWidth(pn) : null,
            e.Of is null ? null : new LinkView(e.Of.Figure.Spec.Label, Href(from, SitePaths.Figure(e.Of.Id))),
            new LinkView(a.Doc.Title, Href(from, SitePaths.Article(a.Slug))),
            new LinkView($"Paragraph {f.Paragraph}", Href(from, SitePaths.Article(a.Slug), $"p{f.Paragraph}")),
            f.Spec.Event, ValueFormatter.Kind(f.Spec.Kind))
        {
            EditorialValue = statement is null ? Editorial.IsEditorialValue(e) : Editorial.IsEditorialValue(f),
            SaidBy = f.SpeakerSlug is { } s ? SpeakerLink(from, s) : null,
            Sources = e.Sources,
            Differs = e.Differs,
            OtherValues = Editorial.OtherValues(e, f),
        };
    }

    /// <summary>A share's bar: at least a visible sliver for a small share (1.7%), which the text beside it states exactly.</summary>
    public static decimal BarWidth(decimal percent) => percent <= 0 ? 0 : Math.Max(2, Math.Round(Math.Min(percent, 100), 1));

    public static bool FigureRowChanged(FigureEntry e, IndexDelta delta) => delta.FigureChanged(e.Id);

    /// <summary>A dated event: its figure's row in another order, and who said it (speakers never change in a delta).</summary>
    public TimelineEventView TimelineEvent(string from, FigureEntry e)
    {
        var f = e.Figure;
        return new TimelineEventView(ValueFormatter.Value(f), f.Spec.Event ?? f.Spec.Label, f.Spec.Label,
            new LinkView(f.Spec.Label, Href(from, SitePaths.Figure(e.Id))),
            new LinkView($"Paragraph {f.Paragraph}", Href(from, SitePaths.Article(e.Article.Slug), $"p{f.Paragraph}")),
            new LinkView(e.Article.Doc.Title, Href(from, SitePaths.Article(e.Article.Slug))),
            f.SpeakerSlug is { } s ? SpeakerLink(from, s) : null)
        { EditorialValue = Editorial.IsEditorialValue(e) };
    }

    /// <summary>An article's summary: all from its own analysis, so it changes with the article.</summary>
    public ArticleSummaryView ArticleSummary(string from, AnalysedArticle a) => new(
        a.Doc.Title, Href(from, SitePaths.Article(a.Slug)), a.Doc.Publisher, a.Doc.Published?.Display, a.Doc.Published?.Iso,
        a.Doc.Summary, a.Quotations.Count(q => q.IsSpeech), a.Figures.Length)
    { PublishedBasis = a.Doc.PublishedBasis };

    public static bool ArticleSummaryChanged(AnalysedArticle a, IndexDelta delta) => delta.ArticleChanged(a);

    /// <summary>A speaker's summary, with the number of their quotations (so it changes with any article quoting them).</summary>
    public SpeakerSummaryView SpeakerSummary(string from, SpeakerDoc s) => new(
        s.Name, Href(from, SitePaths.Speaker(s.Slug)), s.Role, index.QuotationsBySpeaker.GetValueOrDefault(s.Slug, []).Length)
    {
        MentionCount = index.MentionsBySpeaker.GetValueOrDefault(s.Slug, []).Length,
    };

    /// <summary>
    /// A mention's row (of an organisation or a person): its sentence, paragraph and article, and,
    /// when the mention lies inside quoted speech, whose words they are; all from the article's own analysis.
    /// </summary>
    public OrganisationMentionView MentionRow(string from, AnalysedArticle a, int paragraph, int start)
    {
        var p = a.Paragraphs[paragraph - 1];
        var (s, e) = SentenceSplitter.SentenceAt(p.Text, start);
        var quote = QuotationAt.Find(a.Quotations, paragraph, start) is { IsSpeech: true } q ? q : null;
        var saidBy = quote?.SpeakerSlug is { } slug ? SpeakerLink(from, slug) : null;
        return new OrganisationMentionView(p.Text[s..e].Trim(),
            new LinkView($"Paragraph {p.Number}", Href(from, SitePaths.Article(a.Slug), p.Anchor)),
            new LinkView(a.Doc.Title, Href(from, SitePaths.Article(a.Slug))))
        {
            SaidBy = saidBy,
            SaidByText = quote is null || saidBy is not null ? null
                : quote.UnnamedSource is { } unnamed ? $"in the words of {unnamed}, not named"
                : "inside a quotation the record does not attribute",
        };
    }

    public LinkView? SpeakerLink(string from, string slug) =>
        index.Speaker(slug) is { } s ? new LinkView(s.Name, Href(from, SitePaths.Speaker(slug))) : null;

    public LinkView? OrganisationLink(string from, string slug) =>
        index.Organisation(slug) is { } o ? new LinkView(o.Name, Href(from, SitePaths.Organisation(slug))) : null;
}
