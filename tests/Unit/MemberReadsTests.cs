using CaseRecord.Rendering;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Tests.Unit;

/// <summary>The theme's member reads are rewritten to remember their getter; pages must not change by a byte.</summary>
public sealed class MemberReadsTests
{
    public sealed record Row(string Label, int Count, decimal Share, bool Shown, LinkView? Link)
    {
        public string? Note { get; init; }
        public string Field = "a field";
        [ScriptMemberIgnore] public string Hidden => "hidden";
    }

    public sealed record Other(string Label, int Count);

    private static ScriptObject Globals()
    {
        var row = new Row("a < b", 3, 2.50m, true, new LinkView("x", "../x/")) { Note = "n" };
        var mixed = new ScriptArray { row, new Other("other", 9), new ScriptObject { ["label"] = "from a script object", ["count"] = 1 }, "text", new ScriptArray { 1, 2 }, row with { Link = null } };
        // More kinds of row than a read remembers, so one read goes back to Scriban's way.
        var many = new ScriptArray();
        for (var i = 0; i < 40; i++) many.Add(i % 2 == 0 ? new Row($"r{i}", i, i, i % 3 == 0, null) : new Other($"o{i}", i));
        foreach (var t in new object[] { new LinkView("a", "b"), new OmittedView(1, "p1", null), new Other("c", 1) }) many.Add(t);
        return new ScriptObject { ["row"] = row, ["mixed"] = mixed, ["many"] = many, ["nothing"] = null, ["f"] = new Func<string>(() => "called") };
    }

    private static string Render(string text, bool rewritten, bool relaxed)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        EscapePipes.Apply(template);
        if (rewritten) MemberReads.Apply(template);
        var context = new ThemeContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default, EnableRelaxedMemberAccess = relaxed };
        context.PushGlobal(Globals());
        try
        {
            // Twice, so the second pass reads through what the first remembered.
            return template.Render(context) + "\n" + template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            return $"error at {e.Span.Start.Line}:{e.Span.Start.Column}: {e.OriginalMessage}";
        }
    }

    [Theory]
    [InlineData("{{ row.label }}|{{ row.count + 1 }}|{{ row.share }}|{{ row.shown }}|{{ row.link.href }}|{{ row.note }}|{{ row.field }}|{{ row.hidden }}|{{ row.missing == null }}")]
    [InlineData("{{ for r in mixed }}[{{ r.label }}|{{ r.count }}|{{ r.size }}|{{ r.link.text }}]{{ end }}")]
    [InlineData("{{ for r in many }}{{ r.label | html.escape }},{{ r.count }};{{ end }}")]
    [InlineData("{{ row.label | string.upcase }}{{ row.link | object.keys | array.join ',' }}")]
    [InlineData("{{ nothing.label }}")]
    [InlineData("line\n{{ row.link.text }}{{ mixed[5].link.text }}")]
    [InlineData("{{ row.label.size }}{{ mixed.size }}{{ f.size }}")]
    [InlineData("{{ x = row; x.label }}{{ row.label = 'set' }}")]
    public void Members_render_as_scriban_reads_them(string text)
    {
        foreach (var relaxed in new[] { true, false })
            Assert.Equal(Render(text, rewritten: false, relaxed), Render(text, rewritten: true, relaxed));
    }

    [Fact]
    public void Every_member_read_is_rewritten_and_its_getter_remembered()
    {
        var template = Template.Parse("{{ row.label }}{{ row.link.href | html.escape }}{{ for r in mixed }}{{ r.count }}{{ end }}");
        EscapePipes.Apply(template);
        MemberReads.Apply(template);
        var reads = Descendants(template.Page).OfType<ScriptMemberExpression>().ToList();
        Assert.Equal(4, reads.Count);
        Assert.All(reads, r => Assert.IsType<RememberedMemberExpression>(r));
        var context = new ThemeContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(Globals());
        template.Render(context);
        Assert.All(reads, r => Assert.True(((RememberedMemberExpression)r).Remembers, $"{r} remembers nothing"));
    }

    private static IEnumerable<ScriptNode> Descendants(ScriptNode? node)
    {
        if (node is null) yield break;
        yield return node;
        foreach (var child in node.Children)
            foreach (var d in Descendants(child)) yield return d;
    }
}
