using System.Collections.Immutable;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>A speaker's page: who they are and every quotation of theirs, linked to its paragraph, <see cref="PerPage"/> to a page.</summary>
// A quotation's row shows its article (title, date); the speaker's own part never changes in a delta.
public sealed class SpeakerPages() : NamedListPages<SpeakerDoc, QuotationRef>("speakers", PerPage,
    index => index.Speakers, (index, slug) => index.Speaker(slug), s => s.Slug, Quotes, delta => delta.Speakers,
    r => r.Article.Doc.Path + "#" + r.Quotation.Id, (r, delta) => delta.ArticleChanged(r.Article))
{
    public const int PerPage = 100;

    private static ImmutableArray<QuotationRef> Quotes(CaseIndex index, string slug) => index.QuotationsBySpeaker.GetValueOrDefault(slug, []);

    // Every page shows how many articles quote the speaker.
    protected override bool EveryPage(PageContext c, IndexDelta delta, string slug) =>
        CaseIndex.ArticlesIn(Quotes(delta.Before!, slug)) != c.Index.ArticlesQuoting(slug);

    protected override PageSpec Build(PageContext c, SpeakerDoc s, string path, IReadOnlyList<QuotationRef> quotes, int total, PagerView? pager)
    {
        var views = quotes.Select(r =>
        {
            var q = r.Quotation;
            var first = q.FirstParagraph;
            var last = q.Segments[^1].Paragraph;
            var anchor = $"p{first}";
            return new SpeakerQuoteView(q.ParagraphTexts, c.Href(path, SitePaths.Article(r.Article.Slug), anchor), anchor,
                first == last ? $"paragraph {first}" : $"paragraphs {first}–{last}", q.IsPartial,
                new LinkView(r.Article.Doc.Title, c.Href(path, SitePaths.Article(r.Article.Slug))),
                r.Article.Doc.Published?.Display, r.Article.Doc.Published?.Iso)
            { PublishedBasis = r.Article.Doc.PublishedBasis };
        }).ToList();
        var org = s.Organisation is { } o ? c.OrganisationLink(path, o.Value) : null;
        var model = new SpeakerView(s.Name, s.Slug, s.Role, org, c.Markdown.ToHtml(s.BioMarkdown), views, c.Index.ArticlesQuoting(s.Slug), total, pager);
        var description = s.Role is null ? $"Every quotation of {s.Name} in the record." : $"{s.Name}, {s.Role}: every quotation in the record.";
        return new PageSpec(path, "speaker", Paged.Title(s.Name, pager), description, "speakers", model, PageContext.Meta(c.Data.Speaker(s, quotes), "profile"));
    }
}
