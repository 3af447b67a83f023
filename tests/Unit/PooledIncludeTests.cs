using CaseRecord.Rendering;
using Scriban;
using Scriban.Runtime;

namespace CaseRecord.Tests.Unit;

/// <summary>The theme's <c>include</c> renders partials in place or into pooled buffers; pages must be what Scriban's own include makes.</summary>
public sealed class PooledIncludeTests
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["row"] = "<li>{{ $0 | html.escape }}</li>",
        ["list"] = "<ul>{{ for item in items }}{{ include 'row' item }}{{ end }}</ul>{{ include 'row' 'last' }}",
        ["value"] = "{{ 1 + 2 }}",
        ["empty"] = "",
    };

    private sealed class Loader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) => templateName;
        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => Sources[templatePath];
        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Sources[templatePath]);
    }

    private static string Render(string text, bool pooled)
    {
        var context = new TemplateContext { StrictVariables = true, TemplateLoader = new Loader() };
        if (pooled) PooledInclude.Install(context);
        context.PushGlobal(new ScriptObject { ["items"] = new[] { "a", "<b>" } });
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        // Twice in one context, as the build renders page after page.
        return template.Render(context) + "|" + template.Render(context);
    }

    [Theory]
    [InlineData("[{{ include 'list' }}]")]
    [InlineData("[{{ x = include 'list'; x }}]{{ x | string.size }}")]
    [InlineData("{{ include 'list' | string.upcase }}")]
    [InlineData("{{ include 'value' }}{{ include 'empty' }}{{ (include 'value') + '!' }}")]
    [InlineData("{{ for i in 1..2 }}{{ include 'row' i }}{{ end }}")]
    [InlineData("{{ capture c }}{{ include 'list' }}{{ end }}<{{ c | string.size }}>{{ c }}")]
    [InlineData("a{{ if true }}{{ include 'row' 'x' }}{{ end }}b")]
    public void Includes_render_as_scribans_own(string text)
    {
        var expected = Render(text, pooled: false);
        Assert.Equal(expected, Render(text, pooled: true));
        Assert.NotEqual("|", expected);
    }
}
