using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Rendering.Pages;

/// <summary>An organisation's page: what it is, who speaks for it, and every mention of it in its sentence, <see cref="PerPage"/> to a page.</summary>
// A mention's row shows its sentence and article; the speakers listed never change in a delta.
public sealed class OrganisationPages() : NamedListPages<OrganisationDoc, MentionRef>("organisations", PerPage,
    index => index.Organisations, (index, slug) => index.Organisation(slug), o => o.Slug,
    (index, slug) => index.MentionsByOrganisation.GetValueOrDefault(slug, []), delta => delta.Organisations,
    r => $"{r.Article.Doc.Path}#{r.Mention.Paragraph}:{r.Mention.Start}", (r, delta) => delta.ArticleChanged(r.Article))
{
    public const int PerPage = 200;

    protected override PageSpec Build(PageContext c, OrganisationDoc o, string path, IReadOnlyList<MentionRef> items, int total, PagerView? pager)
    {
        var mentions = items.Select(r => c.MentionRow(path, r.Article, r.Mention.Paragraph, r.Mention.Start)).ToList();
        var speakers = c.Index.Speakers.Where(s => s.Organisation?.Value == o.Slug).Select(s => c.SpeakerLink(path, s.Slug)).OfType<LinkView>().ToList();
        var model = new OrganisationView(o.Name, o.Slug, o.Aliases, c.Markdown.ToHtml(o.BodyMarkdown), mentions, total, speakers, pager);
        return new PageSpec(path, "organisation", Paged.Title(o.Name, pager), $"{o.Name} in the record: every mention, linked to its paragraph.", "organisations", model, PageContext.Meta(c.Data.Organisation(o)));
    }
}
