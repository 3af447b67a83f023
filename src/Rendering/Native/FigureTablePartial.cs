using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// <c>theme/partials/figure_table.sbn</c>: a table of key figures (an article's, a figure's
/// shares, a page of the figure list or of a value), one row a figure.
/// </summary>
internal sealed class FigureTablePartial : INativeTemplate
{
    public string Path => "theme/partials/figure_table.sbn";

    public string StockText => "797d5d5e0c9781c11572cae0ac7b43b44e52c35ed7a538d4b9870d3f06e62bdd";

    private readonly ScriptVariableGlobal _rows = ScribanValues.Variable("rows");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _rows, out var value) || value is not IReadOnlyList<FigureRowView> rows) return false;
        Write(context, o, rows);
        return true;
    }

    /// <summary><c>{{ rows = …; include "figure_table" }}</c> in a layout: the rows become a variable of the page, as in the template, and their table is written.</summary>
    public void Include(TemplateContext context, StringBuilder o, IReadOnlyList<FigureRowView> rows)
    {
        context.SetValue(_rows, rows);
        Write(context, o, rows);
    }

    /// <summary>The table of these rows.</summary>
    public static void Write(TemplateContext context, StringBuilder o, IReadOnlyList<FigureRowView> rows)
    {
        o.Append("<table class=\"figures\">\n  <thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Share</th><th scope=\"col\">Source</th></tr></thead>\n  <tbody>\n");
        foreach (var f in rows)
        {
            o.Append("    <tr>\n      <th scope=\"row\"><a ");
            if (!f.ShowArticle) o.Append("id=\"figure-").Escaped(f.Id).Append("\" ");
            o.Append("href=\"").Escaped(f.Href).Append("\">").Escaped(f.Label).Append("</a>");
            if (ScribanValues.Truthy(context, f.Event))
                o.Append("<br><span class=\"event\"><span class=\"inferred\">Editors' summary:</span> ").Escaped(f.Event).Append("</span>");
            o.Append("</th>\n      <td class=\"num\">").Escaped(f.Value);
            if (f.EditorialValue) o.Append(" <span class=\"inferred\">(editors' figure)</span>");
            if (f.Differs) o.Append(" <span class=\"differs-tag\">sources differ; also stated as ").Escaped(f.OtherValues).Append("</span>");
            else if (f.Sources > 1) o.Append(" <span class=\"corroborated\">stated by ").Raw(context, f.Sources).Append(" sources</span>");
            o.Append("</td>\n      <td>");
            if (ScribanValues.Truthy(context, f.Percent))
                o.Append("<svg class=\"share-bar\" viewBox=\"0 0 100 10\" width=\"100\" height=\"10\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"track\" width=\"100\" height=\"10\"/><rect class=\"fill\" width=\"")
                    .Raw(context, f.PercentNumber).Append("\" height=\"10\"/></svg> ").Escaped(f.Percent)
                    .Append(" of <a href=\"").Escaped(f.Of!.Href).Append("\">").Escaped(f.Of.Text).Append("</a>");
            o.Append("</td>\n      <td><a href=\"").Escaped(f.Paragraph.Href).Append("\">").Escaped(f.Paragraph.Text).Append("</a>");
            if (f.ShowArticle) o.Append(" of <a href=\"").Escaped(f.Article.Href).Append("\">").Escaped(f.Article.Text).Append("</a>");
            if (ScribanValues.Truthy(context, f.SaidBy))
                o.Append(", in the words of <a href=\"").Escaped(f.SaidBy!.Href).Append("\">").Escaped(f.SaidBy.Text).Append("</a>");
            if (f.Sources > 1 && f.ShowArticle) o.Append(", and ").Raw(context, f.Sources - 1).Append(" more");
            o.Append("</td>\n    </tr>\n");
        }
        o.Append("  </tbody>\n</table>\n");
    }
}
