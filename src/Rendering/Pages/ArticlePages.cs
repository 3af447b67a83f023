using CaseRecord.Analysis;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// An article's page: its text paragraph by paragraph, each quotation marked and linked to its
/// speaker, each figure and organisation linked; and the rows of its key figures.
/// </summary>
public sealed class ArticlePages : IPageKind
{
    public IEnumerable<PagePlan> Pages(PageContext c) => c.Index.Articles.Select(a => new PagePlan(SitePaths.Article(a.Slug), () => Build(c, a)));

    public PagePlan? Page(PageContext c, string path) =>
        path.Split('/') is ["articles", var slug, "index.html"] && c.Index.Article(slug) is { } a && SitePaths.Article(a.Slug) == path
            ? new PagePlan(path, () => Build(c, a)) : null;

    // Everything on the page is the article's own, but for its figures' rows, which show what
    // each is a share of (in another article, perhaps), and the names of people and bodies (never changed in a delta).
    public IEnumerable<string> Affected(PageContext c, IndexDelta delta)
    {
        var changed = c.Index.Articles.Where(delta.ArticleChanged)
            .Concat(delta.Figures.Select(id => c.Index.Figures.GetValueOrDefault(id)).OfType<FigureEntry>().Select(e => e.Article));
        return changed.Select(a => SitePaths.Article(a.Slug)).Distinct();
    }

    public bool SamePaths(PageContext c, IndexDelta delta) => Versions.SameInOrder(delta.Before!.Articles, c.Index.Articles, (x, y) => x.Slug == y.Slug);

    /// <summary>The first words of a quotation, for a list that points to it.</summary>
    private static string Snippet(string text)
    {
        if (text.Length <= 120) return text;
        var at = text.LastIndexOf(' ', 119);
        return text[..(at > 60 ? at : 119)] + " …";
    }

    /// <summary>The accessible name of a quotation's permalink: whose words, and where, so each link on the page is told apart.</summary>
    private static string QuoteLinkLabel(Quotation q, LinkView? speaker) =>
        $"Link to this quotation{(speaker is not null ? " of " + speaker.Text : q.UnnamedSource is { } u ? " of " + u : "")} in paragraph {q.FirstParagraph}";

    private static PageSpec Build(PageContext c, AnalysedArticle a)
    {
        var path = SitePaths.Article(a.Slug);
        var doc = a.Doc;
        var quotationsByParagraph = new Dictionary<int, List<(QuoteSegment Segment, Quotation Quote)>>();
        foreach (var q in a.Quotations)
            foreach (var s in q.Segments)
            {
                if (!quotationsByParagraph.TryGetValue(s.Paragraph, out var list)) quotationsByParagraph[s.Paragraph] = list = [];
                list.Add((s, q));
            }

        var paragraphs = new List<ParagraphView>();
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        var figuresByParagraph = a.Figures.ToLookup(f => f.Paragraph);
        var mentionsByParagraph = a.Mentions.ToLookup(m => m.Paragraph);
        var peopleByParagraph = a.People.ToLookup(m => m.Paragraph);
        var omitted = new List<OmittedView>();
        foreach (var p in a.Paragraphs)
        {
            if (p.Omitted)
            {
                omitted.Add(new OmittedView(p.Number, p.Anchor, doc.OmitReasons.GetValueOrDefault(p.Text)));
                continue;
            }
            var quoteSpans = quotationsByParagraph.GetValueOrDefault(p.Number)?.Select(x => new ParagraphLayout.Span(x.Segment.Start, x.Segment.End, x.Quote)).ToList() ?? [];
            var figureSpans = figuresByParagraph[p.Number].Select(f => new ParagraphLayout.Span(f.Start, f.End, f)).ToList();
            var orgSpans = mentionsByParagraph[p.Number].Select(m => new ParagraphLayout.Span(m.Start, m.End, m)).ToList();
            var personSpans = peopleByParagraph[p.Number].Select(m => new ParagraphLayout.Span(m.Start, m.End, m)).ToList();
            var pieces = ParagraphLayout.Layout(p.Text, quoteSpans, figureSpans, orgSpans, personSpans).Select(piece =>
            {
                var q = piece.Quote as Quotation;
                var speaker = q?.SpeakerSlug is { } slug && q.IsSpeech ? c.SpeakerLink(path, slug) : null;
                var runs = piece.Runs.Select(r =>
                {
                    var f = r.Figure as LocatedFigure;
                    var m = r.Organisation as OrganisationMention;
                    return new RunView(p.Text[r.Start..r.End],
                        f is null ? null : new LinkView(f.Spec.Label, c.Href(path, SitePaths.Figure(f.Id))),
                        f?.Spec.Label, f is null ? null : ValueFormatter.Value(f) + (Editorial.IsEditorialValue(f) ? " (editors' figure)" : ""),
                        m is null ? null : c.OrganisationLink(path, m.OrganisationSlug))
                    {
                        Speaker = r.Person is PersonMention person ? c.SpeakerLink(path, person.SpeakerSlug) : null,
                    };
                }).ToList();
                // A quotation's first piece holds its anchor; quoted speech also gets the link to it.
                var first = q is not null && anchored.Add(q.Id);
                return new PieceView(q?.Id, speaker, q?.IsPartial ?? false, q is { Basis: AttributionBasis.Unattributed }, runs)
                {
                    Anchor = first ? q!.Id : null,
                    LinkLabel = first && q!.IsSpeech ? QuoteLinkLabel(q, speaker) : null,
                };
            }).ToList();
            var quoted = quotationsByParagraph.GetValueOrDefault(p.Number) ?? [];
            var saidBy = quoted
                .Where(x => x.Quote.IsSpeech && x.Quote.SpeakerSlug is not null)
                .Select(x => x.Quote.SpeakerSlug!).Distinct()
                .Select(slug => c.SpeakerLink(path, slug)).OfType<LinkView>().ToList();
            var unnamed = quoted.Select(x => x.Quote.UnnamedSource).OfType<string>().Distinct().ToList();
            paragraphs.Add(new ParagraphView(p.Number, p.Anchor, LinkBuilder.Fragment(p.Anchor), pieces, saidBy, unnamed) { OmittedBefore = omitted });
            omitted = [];
        }

        var speakers = a.Quotations.Where(q => q.IsSpeech && q.SpeakerSlug is not null).Select(q => q.SpeakerSlug!)
            .Concat(doc.Speakers.Select(s => s.Value)).Distinct()
            .Select(s => c.SpeakerLink(path, s)).OfType<LinkView>().ToList();
        var organisations = a.Mentions.Select(m => m.OrganisationSlug).Distinct()
            .Select(o => c.OrganisationLink(path, o)).OfType<LinkView>().ToList();
        var figures = a.Figures.Select(f => c.Index.Figures.GetValueOrDefault(f.Id) is { } e
            ? c.FigureRow(path, e, e.Case is null ? null : new FigureStatement(f, a)) with { ShowArticle = false } : null).OfType<FigureRowView>().ToList();
        var basis = doc.PublishedBasis;

        var model = new ArticleView(doc.Title, doc.Slug, doc.Publisher, doc.Published?.Display, doc.Published?.Iso, basis,
            doc.Summary, a.Source.Path, c.Href(path, SitePaths.Source(a.Source.Path)), a.Source.Sha256,
            c.Markdown.ToHtml(doc.NoteMarkdown), paragraphs, speakers, figures, organisations,
            a.Quotations.Count(q => q.IsSpeech), a.Paragraphs.Count(p => p.Omitted), doc.Tags)
        {
            UnnamedQuotes = [.. a.Quotations.Where(q => q.UnnamedSource is not null).Select(q => new UnnamedQuoteView(q.UnnamedSource!, Snippet(q.ParagraphTexts[0]),
                new LinkView($"paragraph {q.FirstParagraph}", LinkBuilder.Fragment($"p{q.FirstParagraph}"))))],
            Original = doc.Url is { } url ? new LinkView(LinkBuilder.ShownAddress(url), url) : null,
            ArchivedHref = doc.Archived,
            OmittedAtEnd = omitted,
        };
        return new PageSpec(path, "article", doc.Title, doc.Summary ?? doc.Title, "articles", model, PageContext.Meta(c.Data.Article(a), "article", doc.Published?.Iso));
    }
}
