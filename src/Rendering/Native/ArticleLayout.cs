using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// <c>theme/layouts/article.sbn</c>, an article's page: its source text paragraph by paragraph
/// (<see cref="ParagraphPartial"/>, with the paragraphs left out, <see cref="OmittedPartial"/>),
/// the editors' notes, its key figures (<see cref="FigureTablePartial"/>), the organisations and
/// unnamed sources, and the citation of its source file.
/// </summary>
internal sealed class ArticleLayout(ParagraphPartial paragraph, OmittedPartial omitted, FigureTablePartial table) : INativeTemplate
{
    public string Path => "theme/layouts/article.sbn";

    public string StockText => "ff144aa48b774e654ba4fbc7955eb3cd563d8b69429a4ea8436c5923a93a1b51";

    public IReadOnlyList<string> Needs => [paragraph.Path, omitted.Path, table.Path];

    private readonly ScriptVariableGlobal _page = ScribanValues.Variable("page");
    private readonly ScriptVariableGlobal _para = ScribanValues.Variable("para");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _page, out var value) || value is not ArticleView page) return false;
        var original = ScribanValues.Truthy(context, page.Original);
        if (page.NoteHtml is null) return false;

        o.Append("<article class=\"article\" data-pagefind-body data-pagefind-meta=\"kind:article\" data-pagefind-filter=\"article[data-title]\" data-title=\"").Escaped(page.Title)
            .Append("\">\n  <header class=\"article-header\">\n    <h1>").Escaped(page.Title).Append("</h1>\n    <p class=\"byline\">");
        var publisher = ScribanValues.Truthy(context, page.Publisher);
        if (publisher) o.Append("<span class=\"publisher\">").Escaped(page.Publisher).Append("</span>");
        if (ScribanValues.Truthy(context, page.Published))
        {
            if (publisher) o.Append(", ");
            o.Append("<time datetime=\"").Escaped(page.PublishedIso).Append("\">").Escaped(page.Published).Append("</time>");
            if (ScribanValues.Truthy(context, page.PublishedBasis)) o.Append(" <span class=\"inferred\">(date inferred by the editors)</span>");
        }
        o.Append("</p>\n");
        var archived = ScribanValues.Truthy(context, page.ArchivedHref);
        if (original || archived)
        {
            o.Append("\n    <p class=\"original\">");
            if (original)
            {
                o.Append("Originally published at <a href=\"").Escaped(page.Original!.Href).Append("\" rel=\"external\">").Escaped(page.Original.Text).Append("</a>");
                if (archived) o.Append(" (<a href=\"").Escaped(page.ArchivedHref).Append("\" rel=\"external\">archived copy</a>)");
            }
            else o.Append("<a href=\"").Escaped(page.ArchivedHref).Append("\" rel=\"external\">Archived copy of the original publication</a>");
            o.Append("</p>\n");
        }
        if (ScribanValues.Truthy(context, page.Summary)) o.Append("\n    <p class=\"summary\">").Escaped(page.Summary).Append("</p>\n");
        if (page.Speakers.Count > 0)
        {
            o.Append("\n    <p class=\"article-speakers\">Quoted: ");
            for (var i = 0; i < page.Speakers.Count; i++)
            {
                if (i > 0) o.Append(", ");
                o.Append("<a href=\"").Escaped(page.Speakers[i].Href).Append("\" data-pagefind-filter=\"speaker\">").Escaped(page.Speakers[i].Text).Append("</a>");
            }
            o.Append("</p>\n");
        }
        o.Append("  </header>\n\n  <section class=\"source-text\" aria-labelledby=\"h-source\">\n    <h2 id=\"h-source\" class=\"section-label\">Source text</h2>\n");
        foreach (var p in page.Paragraphs)
        {
            foreach (var left in p.OmittedBefore) OmittedPartial.Write(context, o.Append("    "), left).Append('\n');
            ParagraphPartial.Write(context, o.Append("    "), p);
            o.Append('\n');
        }
        // As the template leaves it: the last paragraph is a variable of the page from here on.
        if (page.Paragraphs.Count > 0) context.SetValue(_para, page.Paragraphs[^1]);
        foreach (var left in page.OmittedAtEnd) OmittedPartial.Write(context, o.Append("    "), left).Append('\n');
        o.Append("  </section>\n\n");

        var basis = ScribanValues.Truthy(context, page.PublishedBasis);
        if (page.NoteHtml != "" || basis || page.OmittedCount > 0)
        {
            o.Append("\n  <aside class=\"editors\" aria-labelledby=\"h-editors\">\n    <h2 id=\"h-editors\">From the editors</h2>\n");
            if (page.NoteHtml != "") o.Append("\n    <div class=\"prose\">").Append(page.NoteHtml).Append("</div>\n");
            if (basis) o.Append("\n    <p><strong>Date:</strong> ").Escaped(page.PublishedBasis).Append("</p>\n");
            if (page.OmittedCount > 0)
                o.Append("\n    <p data-pagefind-ignore>").Raw(context, page.OmittedCount).Append(" paragraph").Append(page.OmittedCount != 1 ? "s" : "")
                    .Append(" of the source not part of the story ").Append(page.OmittedCount == 1 ? "is" : "are").Append(" not shown; every paragraph keeps its number.</p>\n");
            o.Append("  </aside>\n");
        }
        o.Append('\n');
        if (page.Figures.Count > 0)
        {
            o.Append("\n  <section aria-labelledby=\"h-article-figures\">\n    <h2 id=\"h-article-figures\">Key figures in this article</h2>\n    ");
            table.Include(context, o, page.Figures);
            o.Append("\n  </section>\n");
        }
        if (page.Organisations.Count > 0)
        {
            o.Append("\n  <section aria-labelledby=\"h-article-orgs\">\n    <h2 id=\"h-article-orgs\">Organisations mentioned</h2>\n    <ul>");
            foreach (var org in page.Organisations) o.Append("<li><a href=\"").Escaped(org.Href).Append("\">").Escaped(org.Text).Append("</a></li>");
            o.Append("</ul>\n  </section>\n");
        }
        if (page.UnnamedQuotes.Count > 0)
        {
            o.Append("\n  <section aria-labelledby=\"h-article-unnamed\" data-pagefind-ignore>\n    <h2 id=\"h-article-unnamed\">Unnamed sources</h2>\n    <ul class=\"unnamed-sources\">");
            foreach (var u in page.UnnamedQuotes)
                o.Append("<li><span class=\"unnamed\">").Escaped(u.Source).Append("</span>: “").Escaped(u.Text).Append("” (<a href=\"")
                    .Escaped(u.Paragraph.Href).Append("\">").Escaped(u.Paragraph.Text).Append("</a>)</li>");
            o.Append("</ul>\n  </section>\n");
        }
        o.Append("\n  <footer class=\"citation\">\n    <h2>Source</h2>\n    <p data-pagefind-ignore>");
        if (publisher)
        {
            o.Append("Published by ").Escaped(page.Publisher);
            if (ScribanValues.Truthy(context, page.Published))
            {
                o.Append(", ").Escaped(page.Published);
                if (basis) o.Append(" <span class=\"inferred\">(date inferred by the editors)</span>");
            }
            o.Append(". ");
        }
        o.Append("Source text: <a href=\"").Escaped(page.SourceHref).Append("\"><code>").Escaped(page.SourcePath).Append("</code></a>, kept verbatim (SHA-256 <code class=\"hash\">")
            .Escaped(page.SourceSha256).Append("</code>).</p>\n  </footer>\n</article>\n");
        return true;
    }
}
