using System.Text;
using Scriban;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary><c>theme/partials/omitted.sbn</c>: where a paragraph the editors left out stood, with its number and their reason.</summary>
internal sealed class OmittedPartial : INativeTemplate
{
    public string Path => "theme/partials/omitted.sbn";

    public string StockText => "fadc91b35b41b6a91c74a349eb6585e58580fb3d8cbb12af381b8ebe1c6dfed6";

    private readonly ScriptVariableGlobal _o = ScribanValues.Variable("o");

    public bool TryWrite(TemplateContext context, StringBuilder output)
    {
        if (!ScribanValues.TryGlobal(context, _o, out var value) || value is not OmittedView omitted) return false;
        Write(context, output, omitted);
        return true;
    }

    public static StringBuilder Write(TemplateContext context, StringBuilder o, OmittedView omitted)
    {
        o.Append("<p id=\"").Raw(context, omitted.Anchor).Append("\" class=\"omitted-para\"><span class=\"para-number\">").Raw(context, omitted.Number)
            .Append("</span> Paragraph ").Raw(context, omitted.Number).Append(" of the source is left out by the editors");
        if (ScribanValues.Truthy(context, omitted.Reason)) o.Append(": ").Escaped(omitted.Reason);
        return o.Append(".</p>\n");
    }
}
