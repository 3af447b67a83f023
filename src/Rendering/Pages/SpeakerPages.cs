using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>
/// A speaker's page: who they are and every quotation of theirs, linked to its paragraph,
/// <see cref="PerPage"/> to a page; for a speaker only mentioned, never quoted, every place the
/// text names them in its sentence instead (as an organisation's page lists its mentions).
/// </summary>
// A row shows its article (title, date); the speaker's own part never changes in a delta. A
// quotation's key and a mention's differ, so a speaker first quoted or no longer quoted has every page made again.
public sealed class SpeakerPages() : NamedListPages<SpeakerDoc, IArticleRef>("speakers", PerPage,
    index => index.Speakers, (index, slug) => index.Speaker(slug), s => s.Slug, Items, delta => delta.Speakers,
    Key, (r, delta) => delta.ArticleChanged(r.Article))
{
    public const int PerPage = 100;

    private static ImmutableArray<QuotationRef> Quotes(CaseIndex index, string slug) => index.QuotationsBySpeaker.GetValueOrDefault(slug, []);

    /// <summary>The quotations; for a speaker never quoted, the mentions.</summary>
    private static ImmutableArray<IArticleRef> Items(CaseIndex index, string slug) => Quotes(index, slug) is { IsEmpty: false } quotes
        ? ImmutableArray<IArticleRef>.CastUp(quotes)
        : ImmutableArray<IArticleRef>.CastUp(index.MentionsBySpeaker.GetValueOrDefault(slug, []));

    private static string Key(IArticleRef r) => r switch
    {
        QuotationRef q => q.Article.Doc.Path + "#" + q.Quotation.Id,
        PersonMentionRef m => $"{m.Article.Doc.Path}#{m.Mention.Paragraph}:{m.Mention.Start}",
        _ => r.Article.Doc.Path,
    };

    // Every page shows how many articles quote the speaker.
    protected override bool EveryPage(PageContext c, IndexDelta delta, string slug) =>
        CaseIndex.ArticlesIn(Quotes(delta.Before!, slug)) != c.Index.ArticlesQuoting(slug);

    protected override PageSpec Build(PageContext c, SpeakerDoc s, string path, IReadOnlyList<IArticleRef> items, int total, PagerView? pager)
    {
        var quotes = items.OfType<QuotationRef>().ToList();
        var views = quotes.Select(r =>
        {
            var q = r.Quotation;
            var first = q.FirstParagraph;
            var last = q.Segments[^1].Paragraph;
            var anchor = $"p{first}";
            var range = first == last ? $"paragraph {first}" : $"paragraphs {first}–{last}";
            return new SpeakerQuoteView(q.ParagraphTexts, c.Href(path, SitePaths.Article(r.Article.Slug), anchor), anchor,
                range, q.IsPartial,
                new LinkView(r.Article.Doc.Title, c.Href(path, SitePaths.Article(r.Article.Slug))),
                r.Article.Doc.Published?.Display, r.Article.Doc.Published?.Iso)
            {
                PublishedBasis = r.Article.Doc.PublishedBasis,
                QuoteHref = c.Href(path, SitePaths.Article(r.Article.Slug), q.Id),
                QuoteLabel = $"Link to this quotation, {range} of {r.Article.Doc.Title}",
            };
        }).ToList();
        // The items come in the record's order, so an article's quotations on this page are consecutive.
        var groups = new List<SpeakerArticleGroupView>();
        for (var i = 0; i < views.Count;)
        {
            var j = i;
            while (j < views.Count && quotes[j].Article.Slug == quotes[i].Article.Slug) j++;
            var v = views[i];
            groups.Add(new SpeakerArticleGroupView(v.Article, v.Published, v.PublishedIso, v.PublishedBasis, views[i..j]));
            i = j;
        }
        var mentions = items.OfType<PersonMentionRef>().Select(r => c.MentionRow(path, r.Article, r.Mention.Paragraph, r.Mention.Start)).ToList();
        var quoted = quotes.Count > 0;
        var org = s.Organisation is { } o ? c.OrganisationLink(path, o.Value) : null;
        var model = new SpeakerView(s.Name, s.Slug, s.Role, org, c.Markdown.ToHtml(s.BioMarkdown), views, c.Index.ArticlesQuoting(s.Slug), quoted ? total : 0, pager)
        {
            Groups = groups,
            Mentions = mentions,
            MentionTotal = quoted ? 0 : total,
        };
        var description = quoted || mentions.Count == 0
            ? s.Role is null ? $"Every quotation of {s.Name} in the record." : $"{s.Name}, {s.Role}: every quotation in the record."
            : s.Role is null ? $"Every mention of {s.Name} in the record." : $"{s.Name}, {s.Role}: every mention in the record.";
        return new PageSpec(path, "speaker", Paged.Title(s.Name, pager), description, "speakers", model, PageContext.Meta(c.Data.Speaker(s, quotes), "profile"));
    }
}
