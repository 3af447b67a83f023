using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary><c>theme/partials/excerpt.sbn</c>: a sentence of a source text that mentions a speaker or an organisation, cited (70,000 on the speaker and organisation pages at 10,000 articles).</summary>
internal sealed class ExcerptPartial : INativeTemplate
{
    public string Path => "theme/partials/excerpt.sbn";

    public string StockText => "18b473f6a59284dcda4b8febeff34fa28e574a77bd6d6ef446ad86263bac071c";

    private readonly ScriptVariableGlobal _mention = ScribanValues.Variable("mention");

    public bool TryWrite(TemplateContext context, StringBuilder o)
    {
        if (!ScribanValues.TryGlobal(context, _mention, out var value) || value is not OrganisationMentionView m) return false;
        o.Append("<figure class=\"excerpt\"><blockquote cite=\"").Escaped(m.Paragraph.Href).Append("\"><p>").Escaped(m.Text)
            .Append("</p></blockquote><figcaption class=\"where\"><a href=\"").Escaped(m.Paragraph.Href).Append("\">").Escaped(m.Paragraph.Text)
            .Append("</a> of <a href=\"").Escaped(m.Article.Href).Append("\">").Escaped(m.Article.Text).Append("</a>");
        if (ScribanValues.Truthy(context, m.SaidBy)) o.Append(", in the words of <a href=\"").Escaped(m.SaidBy!.Href).Append("\">").Escaped(m.SaidBy.Text).Append("</a>");
        else if (ScribanValues.Truthy(context, m.SaidByText)) o.Append(", ").Escaped(m.SaidByText);
        o.Append("</figcaption></figure>");
        return true;
    }
}
