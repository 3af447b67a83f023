using CaseRecord.Rendering;
using Scriban;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace CaseRecord.Tests.Unit;

/// <summary>The theme's context reads views through bound getters; what a template sees must be Scriban's own.</summary>
public sealed class ThemeContextTests
{
    public sealed record Row(string Label, int Count, decimal Share, bool Shown, LinkView? Link)
    {
        public string? Note { get; init; }
        public string Field = "a field";
        public static string Static => "never seen";
        [ScriptMemberIgnore] public string Hidden => "hidden";
    }

    private static string Render(TemplateContext context, string text)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        context.StrictVariables = true;
        context.MemberRenamer = StandardMemberRenamer.Default;
        context.PushGlobal(new ScriptObject { ["row"] = new Row("a < b", 3, 2.50m, true, new LinkView("x", "../x/")) { Note = "n" } });
        return template.Render(context);
    }

    [Fact]
    public void Members_render_as_with_scribans_accessor()
    {
        const string text = "{{ row.label }}|{{ row.count + 1 }}|{{ row.share }}|{{ row.shown }}|{{ row.link.href }}|{{ row.note }}|{{ row.field }}|{{ row.hidden }}|{{ row.static }}|{{ row | object.keys | array.join ',' }}|{{ row.missing == null }}";
        var expected = Render(new TemplateContext(), text);
        Assert.Equal(expected, Render(new ThemeContext(), text));
        Assert.StartsWith("a < b|4|2.50|true|../x/|n|a field||", expected);
    }

    [Fact]
    public void Views_are_read_through_bound_getters()
    {
        // Fails if Scriban stops making its accessor as this context expects: the build would still be right, only slower.
        var accessor = new ThemeContext { MemberRenamer = StandardMemberRenamer.Default }.GetMemberAccessor(new LinkView("x", "y"));
        Assert.IsAssignableFrom<TypedObjectAccessor>(accessor);
        Assert.NotEqual(typeof(TypedObjectAccessor), accessor.GetType());
    }
}
