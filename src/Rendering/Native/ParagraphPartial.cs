using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>
/// <c>theme/partials/paragraph.sbn</c>: a paragraph of an article's source text, its quotations,
/// the figures, organisations and people it names, and who is quoted in it. Included once for
/// every paragraph of every article (190,000 times at 10,000 articles), it was two thirds of the
/// time Scriban spent on article pages.
/// </summary>
internal sealed class ParagraphPartial : INativeTemplate
{
    public string Path => "theme/partials/paragraph.sbn";

    public string StockText => "13510df4e64daf7ae9d3990c6527dc09b2f53213fbdf8658fbe71e20e9c5de84";

    private readonly ScriptVariableGlobal _para = ScribanValues.Variable("para");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _para, out var value) || value is not ParagraphView para) return false;
        Write(context, o, para);
        return true;
    }

    /// <summary>The paragraph, for a layout that includes it.</summary>
    public static void Write(TemplateContext context, StringBuilder o, ParagraphView para)
    {
        o.Append("<p id=\"").Raw(context, para.Anchor);
        o.Append("\" class=\"para\"><a class=\"para-link\" href=\"").Raw(context, para.SelfHref);
        o.Append("\" aria-label=\"Link to paragraph ").Raw(context, para.Number);
        o.Append("\">").Raw(context, para.Number);
        o.Append("</a> ");
        foreach (var piece in para.Pieces)
        {
            var quoted = ScribanValues.Truthy(context, piece.QuoteId);
            if (quoted)
            {
                o.Append("<q");
                if (ScribanValues.Truthy(context, piece.Anchor)) o.Append(" id=\"").Raw(context, piece.Anchor).Append('"');
                o.Append(" class=\"quote");
                if (piece.IsPartial) o.Append(" partial");
                if (piece.Unattributed) o.Append(" unattributed");
                o.Append("\" data-quote=\"").Raw(context, piece.QuoteId);
                o.Append("\">");
            }
            foreach (var run in piece.Runs)
            {
                if (ScribanValues.Truthy(context, run.Figure))
                {
                    o.Append("<a class=\"figure\" href=\"").Escaped(run.Figure!.Href);
                    o.Append("\" data-card=\"").Escaped(run.FigureLabel);
                    o.Append(": ").Escaped(run.FigureValue);
                    o.Append("\">").Escaped(run.Text);
                    o.Append("</a>");
                }
                else if (ScribanValues.Truthy(context, run.Organisation))
                {
                    o.Append("<a class=\"org\" href=\"").Escaped(run.Organisation!.Href);
                    o.Append("\">").Escaped(run.Text);
                    o.Append("</a>");
                }
                else if (ScribanValues.Truthy(context, run.Speaker))
                {
                    o.Append("<a class=\"person\" href=\"").Escaped(run.Speaker!.Href);
                    o.Append("\">").Escaped(run.Text);
                    o.Append("</a>");
                }
                else o.Escaped(run.Text);
            }
            if (quoted)
            {
                o.Append("</q>");
                if (ScribanValues.Truthy(context, piece.LinkLabel))
                {
                    o.Append("<a class=\"quote-link\" href=\"#").Raw(context, piece.Anchor);
                    o.Append("\" aria-label=\"").Escaped(piece.LinkLabel);
                    o.Append("\" title=\"Link to this quotation\" data-pagefind-ignore></a>");
                }
            }
        }
        if (para.SaidBy.Count > 0 || para.Unnamed.Count > 0)
        {
            o.Append(" <span class=\"said-by\"><span class=\"visually-hidden\">Quotation from </span>");
            for (var i = 0; i < para.SaidBy.Count; i++)
            {
                if (i > 0) o.Append(", ");
                o.Append("<a href=\"").Escaped(para.SaidBy[i].Href);
                o.Append("\">").Escaped(para.SaidBy[i].Text);
                o.Append("</a>");
            }
            for (var i = 0; i < para.Unnamed.Count; i++)
            {
                if (para.SaidBy.Count > 0 || i > 0) o.Append("; ");
                o.Append("<span class=\"unnamed\">").Escaped(para.Unnamed[i]);
                o.Append(", not named</span>");
            }
            o.Append("</span>");
        }
        o.Append("</p>\n");
    }
}
