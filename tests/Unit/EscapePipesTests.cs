using CaseRecord.Rendering;
using Scriban;
using Scriban.Runtime;

namespace CaseRecord.Tests.Unit;

/// <summary>The theme's <c>| html.escape</c> pipes are rewritten for speed; pages must not change by a byte.</summary>
public sealed class EscapePipesTests
{
    public static TheoryData<object?> Values => new()
    {
        null, "", "plain", "<script>alert('x')</script> & \"quoted\"", "“curly” — dash", 42, -7L, 3.50m, 0.1, true, false,
    };

    private static string Render(string text, object? value, bool rewritten)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        if (rewritten) EscapePipes.Apply(template);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(new ScriptObject { ["x"] = value, ["row"] = new Row("a < b", null) });
        return template.Render(context);
    }

    private sealed record Row(string Label, string? Event);

    [Theory]
    [MemberData(nameof(Values))]
    public void Escaped_values_render_as_scriban_renders_them(object? value)
    {
        foreach (var text in new[]
                 {
                     "[{{ x | html.escape }}]",
                     "{{ x | html.escape | string.upcase }}",
                     "{{ x | string.append '<b>' | html.escape }}",
                     "{{ if x | html.escape }}yes{{ end }}",
                     "{{ html.escape x }}",
                     "{{ row.label | html.escape }}{{ row.event | html.escape }}",
                     "{{ for i in 1..2 }}{{ i | html.escape }}{{ x | html.escape }}{{ end }}",
                 })
            Assert.Equal(Render(text, value, rewritten: false), Render(text, value, rewritten: true));
    }

    [Fact]
    public void Every_escape_pipe_is_rewritten_and_nothing_else()
    {
        var template = Template.Parse("{{ a | html.escape }}{{ b | string.upcase }}{{ for f in c }}<td>{{ f.x | html.escape }}</td>{{ end }}{{ d | html.escape 1 }}");
        EscapePipes.Apply(template);
        var nodes = Descendants(template.Page).ToList();
        Assert.Equal(2, nodes.Count(n => n is HtmlEscapeExpression));
        // string.upcase, and an escape given an argument (not Scriban's html.escape), stay pipes.
        Assert.Equal(2, nodes.Count(n => n is Scriban.Syntax.ScriptPipeCall));
    }

    [Fact]
    public void An_undefined_variable_is_still_an_error_at_its_place()
    {
        var template = Template.Parse("line one\n{{ missing | html.escape }}", "theme/layouts/x.sbn");
        EscapePipes.Apply(template);
        var context = new TemplateContext { StrictVariables = true };
        var e = Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => template.Render(context));
        Assert.Equal(1, e.Span.Start.Line);
        Assert.Contains("missing", e.Message);
    }

    private static IEnumerable<Scriban.Syntax.ScriptNode> Descendants(Scriban.Syntax.ScriptNode? node)
    {
        if (node is null) yield break;
        yield return node;
        foreach (var child in node.Children)
            foreach (var d in Descendants(child)) yield return d;
    }
}
