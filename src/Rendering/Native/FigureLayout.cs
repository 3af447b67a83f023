using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// <c>theme/layouts/figure.sbn</c>, a key figure's page (30,000 of the 41,000 pages at 10,000
/// articles of three figures): its value, what it is a share of, the words and paragraph that
/// state it (or every source's statement of a fact of the case), its shares, and the first
/// figures of the same value.
/// </summary>
internal sealed class FigureLayout(FigureTablePartial table) : INativeTemplate
{
    public string Path => "theme/layouts/figure.sbn";

    public string StockText => "7aebb05da6de272e309a776bfb9dfdb28cf056913bab96d087f4f5ec5132f4ee";

    public IReadOnlyList<string> Needs => [table.Path];

    private readonly ScriptVariableGlobal _page = ScribanValues.Variable("page");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _page, out var value) || value is not FigureView page) return false;
        var percent = ScribanValues.Truthy(context, page.Percent);
        // A view missing a part (a share without its whole) makes the writer fail, and Scriban report it (NativeTemplates.TryWrite).
        if (page.NoteHtml is null) return false;

        o.Append("<article class=\"figure-page\" data-pagefind-body>\n  <header>\n    <p class=\"figure-value\">").Escaped(page.Value).Append("</p>");
        if (page.Differs) o.Append("\n    <p class=\"differs-tag\">The sources differ: also stated as ").Escaped(page.OtherValues).Append(".</p>");
        else if (page.Sources > 1) o.Append("\n    <p class=\"corroborated\">Stated by ").Raw(context, page.Sources).Append(" sources, which agree.</p>");
        if (page.EditorialValue)
            o.Append("\n    <p class=\"inferred\">").Append(page.Settled
                ? "The editors' figure: the sources differ, and the editors settled on this value; their note says why."
                : "The editors' figure: the words that state it do not write this number; the editors' note says how they arrived at it.").Append("</p>");
        o.Append("\n    <h1 data-pagefind-meta=\"title\">").Escaped(page.Label).Append("</h1>\n    <span hidden data-pagefind-filter=\"article\">").Escaped(page.Article.Text).Append("</span>");
        if (ScribanValues.Truthy(context, page.Speaker)) o.Append("<span hidden data-pagefind-filter=\"speaker\">").Escaped(page.Speaker!.Text).Append("</span>");
        o.Append('\n');
        if (ScribanValues.Truthy(context, page.Event)) o.Append("<p class=\"event\"><span class=\"inferred\">Editors' summary:</span> ").Escaped(page.Event).Append("</p>");
        o.Append("\n  </header>\n");
        if (percent)
        {
            o.Append("  <section class=\"ratio\" aria-labelledby=\"h-ratio\">\n    <h2 id=\"h-ratio\">Share</h2>\n    <p><strong>").Escaped(page.Percent).Append("</strong>: ")
                .Escaped(page.Value).Append(" of ").Escaped(page.OfValue).Append(" (<a href=\"").Escaped(page.Of!.Href).Append("\">").Escaped(page.Of.Text).Append("</a>).</p>\n")
                .Append("    <svg class=\"share-bar large\" viewBox=\"0 0 100 10\" width=\"300\" height=\"30\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                .Escaped(page.Percent).Append(" of ").Escaped(page.Of.Text)
                .Append("\"><rect class=\"track\" width=\"100\" height=\"10\"/><rect class=\"fill\" width=\"").Raw(context, page.PercentNumber).Append("\" height=\"10\"/></svg>\n  </section>\n");
        }
        if (page.Statements.Count > 0)
        {
            o.Append("  <section aria-labelledby=\"h-statements\">\n    <h2 id=\"h-statements\">");
            if (page.Differs) o.Append("The sources differ");
            else if (page.Sources > 1) o.Append("Stated by ").Raw(context, page.Sources).Append(" sources");
            else o.Append("In the source");
            o.Append("</h2>\n");
            if (page.Differs)
                o.Append("    <p class=\"differs\">The ").Raw(context, page.Sources).Append(" articles that state this figure do not give the same value. ").Append(page.Settled
                    ? "The value shown above is the editors' choice; their note says why."
                    : "The value shown above is the newest article's; each source's is below.").Append("</p>\n");
            else if (page.Sources > 1) o.Append("    <p>They agree: each gives ").Escaped(page.Value).Append(".</p>\n");
            o.Append("    <ol class=\"statements\">\n");
            foreach (var st in page.Statements)
            {
                o.Append("      <li>\n        <p class=\"stated-value\"><strong>").Escaped(st.Value).Append("</strong>");
                if (st.EditorialValue) o.Append(" <span class=\"inferred\">(editors' figure)</span>");
                if (st.Differs) o.Append(" <span class=\"differs-tag\">differs</span>");
                o.Append("</p>\n        <blockquote class=\"context\"><p>").Escaped(st.Sentence).Append("</p></blockquote>\n        <p class=\"where\">");
                Where(context, o, st.Paragraph, st.Article, st.Publisher, st.Published, st.PublishedBasis);
                if (ScribanValues.Truthy(context, st.Speaker))
                    o.Append("; said by <a href=\"").Escaped(st.Speaker!.Href).Append("\">").Escaped(st.Speaker.Text).Append("</a>, inside a quotation");
                o.Append(". Words that state it: “").Escaped(st.Match).Append("”.</p>\n      </li>\n");
            }
            o.Append("    </ol>\n");
            Note(o, page);
            o.Append("  </section>\n");
        }
        else
        {
            o.Append("  <section aria-labelledby=\"h-context\">\n    <h2 id=\"h-context\">In the source</h2>\n    <blockquote class=\"context\"><p>").Escaped(page.Sentence)
                .Append("</p></blockquote>\n    <dl class=\"facts\">\n      <dt>Words that state it</dt><dd>“").Escaped(page.Match).Append("”</dd>\n      <dt>Where</dt><dd>");
            Where(context, o, page.Paragraph, page.Article, page.Publisher, page.Published, page.PublishedBasis);
            o.Append("</dd>\n");
            if (ScribanValues.Truthy(context, page.Speaker))
                o.Append("<dt>Said by</dt><dd><a href=\"").Escaped(page.Speaker!.Href).Append("\">").Escaped(page.Speaker.Text).Append("</a>, inside a quotation</dd>");
            o.Append("\n    </dl>\n");
            Note(o, page);
            o.Append("  </section>\n");
        }
        if (page.SharesOfThis.Count > 0)
        {
            o.Append("  <section aria-labelledby=\"h-shares\">\n    <h2 id=\"h-shares\">Shares of this figure</h2>\n    ");
            table.Include(context, o, page.SharesOfThis);
            o.Append("\n  </section>\n");
        }
        if (page.SameValue.Count > 0)
        {
            o.Append("  <section aria-labelledby=\"h-same\">\n    <h2 id=\"h-same\">Other figures with the same value</h2>\n    <ul class=\"same-value\">\n");
            foreach (var f in page.SameValue)
            {
                o.Append("      <li><a href=\"").Escaped(f.Href).Append("\">").Escaped(f.Label).Append("</a>");
                if (f.EditorialValue) o.Append(" <span class=\"inferred\">(editors' figure)</span>");
                o.Append(": <a href=\"").Escaped(f.Paragraph.Href).Append("\">").Escaped(f.Paragraph.Text).Append("</a> of <a href=\"")
                    .Escaped(f.Article.Href).Append("\">").Escaped(f.Article.Text).Append("</a>");
                if (ScribanValues.Truthy(context, f.SaidBy))
                    o.Append(", in the words of <a href=\"").Escaped(f.SaidBy!.Href).Append("\">").Escaped(f.SaidBy.Text).Append("</a>");
                o.Append("</li>\n");
            }
            o.Append("    </ul>\n");
            if (ScribanValues.Truthy(context, page.SameValueHref))
                o.Append("    <p>These are ").Raw(context, page.SameValue.Count).Append(" of the ")
                    .Append(page.SameValueTotal.ToString("N0", context.CurrentCulture)).Append(" others: <a href=\"").Escaped(page.SameValueHref)
                    .Append("\">every figure with this value</a>.</p>\n");
            o.Append("  </section>\n");
        }
        o.Append("</article>\n");
        return true;
    }

    // The paragraph and article that state it, and the article's publisher and date.
    private static void Where(TemplateContext context, StringBuilder o, LinkView paragraph, LinkView article, string? publisher, string? published, string? basis)
    {
        o.Append("<a href=\"").Escaped(paragraph.Href).Append("\">").Escaped(paragraph.Text).Append("</a> of <a href=\"").Escaped(article.Href).Append("\">").Escaped(article.Text).Append("</a>");
        if (!ScribanValues.Truthy(context, publisher)) return;
        o.Append(" (").Escaped(publisher);
        if (ScribanValues.Truthy(context, published))
        {
            o.Append(", ").Escaped(published);
            if (ScribanValues.Truthy(context, basis)) o.Append(" <span class=\"inferred\" title=\"").Escaped(basis).Append("\">(editors' date)</span>");
        }
        o.Append(')');
    }

    private static void Note(StringBuilder o, FigureView page)
    {
        if (page.NoteHtml != "") o.Append("    <div class=\"editors prose\"><h3>Editors' note</h3>").Append(page.NoteHtml).Append("</div>\n");
    }
}
