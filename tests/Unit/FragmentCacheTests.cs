using CaseRecord.Rendering;
using CaseRecord.Rendering.Fragments;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// Fragments of the theme rendered once and written again where their values recur, and partials
/// rendered into kept buffers: each page must come out exactly as Scriban alone renders it.
/// </summary>
public sealed class FragmentCacheTests
{
    private sealed record Link(string Text, string Href);

    private sealed record Row(string Label, decimal? Width, Link? Of, IReadOnlyList<string> Tags);

    private static readonly IReadOnlySet<string> Shared = new HashSet<string> { "site", "section" };

    // Every template a page of rows renders: a loop whose body reads only its item, a run reading
    // only the shared site, one that reads the page too, and loops with for.first and an include.
    private const string Page = """
        <nav>{{ for n in site.nav }}<a href="{{ n.href | html.escape }}">{{ n.text }}</a>{{ end }}</nav>{{ site.title }}
        <h1>{{ title | html.escape }}</h1>{{ section }}
        {{~ for r in rows ~}}
        <tr><td>{{ r.label | html.escape }}</td><td>{{ if r.width }}{{ r.width }}{{ else }}none{{ end }}</td>{{ if r.of }}<a href="{{ r.of.href }}">{{ r.of.text }}</a>{{ end }}{{ r.tags.size }}</tr>
        {{~ end ~}}
        {{ for r in rows }}{{ if !for.first }}, {{ end }}{{ r.label }}{{ end }}
        {{ include "cell" }}
        """;

    private const string Cell = "{{ for r in rows }}<i>{{ r.label }}</i>{{ end }}";

    private static readonly List<string> Tags = ["x"];

    // Rows equal as numbers but not as text (2 and 2.0), equal as records but distinct lists, and repeats.
    private static List<Row> Rows(int page) =>
    [
        new("two", 2m, null, Tags),
        new("two", 2.0m, null, Tags),
        new("<b>", null, new("of", "../a/"), Tags),
        new("<b>", null, new("of", "../a/"), Tags),
        new("page " + page, 1.5m, new("of", "../b/"), []),
        new("two", 2m, null, []),
    ];

    private static (Template Page, Template Cell) Parse(bool rewritten)
    {
        var page = Template.Parse(Page, "theme/layouts/page.sbn");
        var cell = Template.Parse(Cell, "theme/partials/cell.sbn");
        foreach (var t in new[] { page, cell })
        {
            Assert.False(t.HasErrors, string.Join("; ", t.Messages));
            EscapePipes.Apply(t);
            if (rewritten) FragmentRewriter.Apply(t, Shared);
        }
        return (page, cell);
    }

    private sealed class Partials(Template cell) : ITemplateLoader
    {
        public Template Cell => cell;
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) => templateName;
        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => throw new InvalidOperationException("parsed already");
        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => throw new InvalidOperationException("parsed already");
    }

    private static TemplateContext Context(Template cell, FragmentCache? cache)
    {
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default, TemplateLoader = new Partials(cell) };
        context.CachedTemplates["cell"] = cell;
        if (cache is not null)
        {
            context.Tags[typeof(FragmentCache)] = cache;
            PooledInclude.Install(context);
        }
        return context;
    }

    private static List<string> RenderPages(bool cached)
    {
        var (page, cell) = Parse(cached);
        var context = Context(cell, cached ? new FragmentCache() : null);
        var site = new { Title = "Site & co", Nav = new List<Link> { new("Home", "../"), new("<Figures>", "../figures/") } };
        var pages = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            context.PushGlobal(new ScriptObject { ["site"] = site, ["section"] = n % 2 == 0 ? "figures" : "articles", ["title"] = $"Page {n} <", ["rows"] = Rows(n) });
            try { pages.Add(page.Render(context)); }
            finally { context.PopGlobal(); }
        }
        return pages;
    }

    [Fact]
    public void Pages_render_the_same_with_and_without_the_cache()
    {
        var plain = RenderPages(cached: false);
        var cached = RenderPages(cached: true);
        Assert.Equal(plain, cached);
        // The cases the cache must tell apart are there to be told apart.
        Assert.Contains("<td>2</td>", plain[0]);
        Assert.Contains("<td>2.0</td>", plain[0]);
        Assert.Contains("Page 3 &lt;", plain[3]);
    }

    [Fact]
    public void Only_runs_of_pure_statements_reading_shared_or_loop_values_are_wrapped()
    {
        var (page, cell) = Parse(rewritten: true);
        var wrapped = Descendants(page.Page).OfType<CachedFragment>().ToList();
        // The navigation and site title (site), the section, the body of the first rows loop (its
        // item), and in the second loop's body what follows the test of for.first; not the title,
        // that test, or the include.
        Assert.Equal(4, wrapped.Count);
        Assert.DoesNotContain(wrapped, f => Descendants(f).OfType<ScriptFunctionCall>().Any());
        Assert.DoesNotContain(wrapped, f => Descendants(f).OfType<ScriptVariableGlobal>()
            .Any(v => v.Name is "title" or "for" && !(v.Parent is ScriptMemberExpression m && ReferenceEquals(m.Member, v)))); // site.title's member is a name
        // A loop body is wrapped inside the loop, not the loop over the page's rows.
        Assert.Single(Descendants(cell.Page).OfType<CachedFragment>());
        Assert.IsType<ScriptForStatement>(Descendants(cell.Page).OfType<CachedFragment>().Single().Parent?.Parent?.Parent);
    }

    [Fact]
    public void Rendering_equality_tells_apart_what_prints_differently()
    {
        var equality = new RenderingEquality();
        Assert.False(equality.Equals(2m, 2.0m));
        Assert.False(equality.Equals(0.0, -0.0));
        Assert.True(equality.Equals(new Link("a", "b"), new Link("a", "b")));
        Assert.Equal(equality.GetHashCode(new Link("a", "b")), equality.GetHashCode(new Link("a", "b")));
        Assert.False(equality.Equals(new Row("a", 2m, null, []), new Row("a", 2.0m, null, [])));
        // Lists only as the same instance: a view's list is never changed, but two may differ.
        Assert.False(equality.Equals(new Row("a", null, null, ["x"]), new Row("a", null, null, ["x"])));
        Assert.True(equality.Equals(new Row("a", null, null, Tags), new Row("a", null, null, Tags)));
        Assert.False(equality.Comparable(new List<string>()));
        Assert.True(equality.Comparable(new Link("a", "b")));
    }

    [Fact]
    public void An_undefined_variable_in_a_cached_fragment_is_still_an_error_at_its_place()
    {
        // The key cannot be made without the variable; the statements then run, and report it.
        var template = Template.Parse("line one\n{{ if site.title }}{{ site.title }}{{ end }}", "theme/layouts/x.sbn");
        FragmentRewriter.Apply(template, Shared);
        Assert.Single(Descendants(template.Page).OfType<CachedFragment>());
        var context = Context(Template.Parse(""), new FragmentCache());
        var e = Assert.Throws<ScriptRuntimeException>(() => template.Render(context));
        Assert.Equal(1, e.Span.Start.Line);
        Assert.Contains("site", e.Message);
    }

    private static IEnumerable<ScriptNode> Descendants(ScriptNode? node)
    {
        if (node is null) yield break;
        yield return node;
        for (var i = 0; i < node.ChildrenCount; i++)
            foreach (var d in Descendants(node.GetChildren(i))) yield return d;
    }
}
