using CaseRecord.Rendering;
using CaseRecord.Tests.Support;
using Scriban;

namespace CaseRecord.Tests.Unit;

/// <summary>A page's body reaches the base layout's <c>{{ content }}</c> from its buffer; a layout that reads it otherwise must see the string it always did.</summary>
public sealed class PageBodyTests
{
    [Theory]
    [InlineData("<main>{{ content }}</main>", true)]
    [InlineData("{{~ if x ~}}\n{{ content }}\n{{~ end ~}}", true)]
    [InlineData("<main>no body at all</main>", true)]
    [InlineData("{{ content | string.upcase }}", false)]
    [InlineData("{{ if content != '' }}{{ content }}{{ end }}", false)]
    [InlineData("{{ x = content }}{{ x }}", false)]
    [InlineData("{{ content.size }}", false)]
    [InlineData("{{ [content] | array.join '' }}", false)]
    public void Only_a_layout_that_just_writes_content_out_gets_the_buffer(string layout, bool plain)
    {
        var template = Template.Parse(layout);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        Assert.Equal(plain, PageBody.WrittenPlainly(template));
    }

    // The repository's theme, its base layout changed, built into memory: pages as the layout says.
    private static string Page(Func<string, string> layout)
    {
        var site = new TestSite();
        var repoLayout = File.ReadAllText(Path.Combine(Repo.Root, "theme/layouts/_layout.sbn"));
        site.File("theme/layouts/_layout.sbn", layout(repoLayout))
            .Seed("a.txt", "“We counted 12 boats,” said Ann Lee.\n\nThe second paragraph.")
            .Speaker("ann-lee", "Ann Lee")
            .Article("a", "title: A\nsource: seeds/a.txt\nspeakers:\n  - ann-lee");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return output.Text("articles/a/index.html");
    }

    [Fact]
    public void The_body_is_written_where_the_layout_says_whichever_way_it_is_read()
    {
        const string Main = "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n";
        var plain = Page(l => l);
        Assert.Contains(Main + "<article class=\"article\"", plain);
        Assert.Contains("We counted 12 boats", plain);

        // The same layout, but measuring the body first: given the string, as before.
        var measured = Page(l => l.Replace("{{ content }}", "<!-- {{ content | string.size }} -->{{ content }}"));
        var body = plain[(plain.IndexOf(Main, StringComparison.Ordinal) + Main.Length)..plain.IndexOf("\n</main>", StringComparison.Ordinal)];
        Assert.Equal(plain.Replace(Main, $"{Main}<!-- {body.Length} -->"), measured);

        // And written twice, both in place.
        var twice = Page(l => l.Replace("{{ content }}", "{{ content }}{{ content }}"));
        Assert.Equal(2, CountOf(twice, "<article class=\"article\""));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
