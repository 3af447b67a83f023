using System.Net;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace CaseRecord.Rendering.Native;

/// <summary>What Scriban writes for a value, and whether it counts as true, asked of the context itself so a template written by code cannot differ from Scriban's.</summary>
internal static class ScribanValues
{
    /// <summary><c>{{ value }}</c>.</summary>
    public static StringBuilder Raw(this StringBuilder output, TemplateContext context, object? value) =>
        value is string s ? output.Append(s) : value is null ? output : output.Append(context.ObjectToString(value));

    /// <summary><c>{{ value | html.escape }}</c> of a string (the encoder <see cref="HtmlEscapeExpression"/> uses, which returns a text with nothing to escape as it is).</summary>
    public static StringBuilder Escaped(this StringBuilder output, string? value) => output.Append(WebUtility.HtmlEncode(value));

    /// <summary><c>{{ if value }}</c>.</summary>
    public static bool Truthy(TemplateContext context, object? value) => value switch
    {
        null => false,
        bool b => b,
        _ => context.ToBool(default, value),
    };

    /// <summary>A global variable's value, or false when it is not defined (Scriban then renders the template and reports it).</summary>
    public static bool TryGlobal(TemplateContext context, ScriptVariableGlobal variable, out object? value)
    {
        try
        {
            value = context.GetValue(variable);
            return true;
        }
        catch (ScriptRuntimeException)
        {
            value = null;
            return false;
        }
    }

    public static ScriptVariableGlobal Variable(string name) => new(name) { Span = new SourceSpan("native", default, default) };
}
