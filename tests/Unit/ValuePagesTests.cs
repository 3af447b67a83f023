using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Model;
using CaseRecord.Rendering.Pages;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>A value shared by more figures than a figure's page lists has a page of its own; the figure pages list a few and link to it.</summary>
public sealed class ValuePagesTests
{
    /// <summary>An article stating the year 2015 <paramref name="count"/> times, each a figure of its own.</summary>
    private static TestSite Years(int count)
    {
        static char Letter(int n) => (char)('a' + n - 1);
        var text = string.Join(" ", Enumerable.Range(1, count).Select(n => $"Event {Letter(n)} was in 2015.")) + "\n";
        var items = string.Concat(Enumerable.Range(1, count).Select(n => $"  - id: event-{n}\n    label: Event {Letter(n)}\n    kind: year\n    match: Event {Letter(n)} was in 2015\n"));
        return new TestSite().Seed("a.txt", text).Article("a", "title: A\nsource: seeds/a.txt\nfigures:\n" + items);
    }

    [Fact]
    public void A_value_shared_by_more_figures_than_a_page_lists_has_its_own_page_listing_them_all()
    {
        var count = FigurePages.SameValueShown + 3;
        var (result, output) = Years(count).Build(new Dictionary<string, string> { ["Host"] = "example.org" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var same = TestSite.Html(output, "figures/event-1/index.html").GetElementById("h-same")!.ParentElement!;
        Assert.Equal(FigurePages.SameValueShown, same.QuerySelectorAll("ul.same-value > li").Length);
        var link = same.QuerySelector("p a")!;
        Assert.Equal("../../values/year-2015/", link.GetAttribute("href"));
        Assert.Contains($"of the {count - 1} others", same.TextContent);

        var page = TestSite.Html(output, "values/year-2015/index.html");
        Assert.Equal("Figures with the value 2015", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll("table.figures tbody tr");
        Assert.Equal(count, rows.Length);
        Assert.All(Enumerable.Range(1, count), n => Assert.Contains(rows, r => r.QuerySelector("th a")!.GetAttribute("href") == $"../../figures/event-{n}/"));
        Assert.Contains("/values/year-2015/", output.Text("sitemap.xml"));
    }

    [Fact]
    public void A_value_whose_others_all_fit_on_the_figure_page_has_no_page_and_no_link()
    {
        var (result, output) = Years(FigurePages.SameValueShown + 1).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var same = TestSite.Html(output, "figures/event-1/index.html").GetElementById("h-same")!.ParentElement!;
        Assert.Equal(FigurePages.SameValueShown, same.QuerySelectorAll("ul.same-value > li").Length);
        Assert.Null(same.QuerySelector("p a"));
        Assert.False(output.Files.ContainsKey("values/year-2015/index.html"));
    }

    [Fact]
    public void A_theme_from_before_value_pages_lays_them_out_as_the_figures_list()
    {
        var site = Years(FigurePages.SameValueShown + 3);
        site.Source.Remove("theme/layouts/values.sbn");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(FigurePages.SameValueShown + 3, TestSite.Html(output, "values/year-2015/index.html").QuerySelectorAll("table.figures tbody tr").Length);
    }

    [Theory]
    [InlineData(2005, FigureKind.Year, null, null, "year-2005")]
    [InlineData(2300000, FigureKind.Money, "GBP", null, "money-gbp-2300000")]
    [InlineData(10, FigureKind.Duration, null, "years", "duration-10-years")]
    [InlineData(-3, FigureKind.Count, null, null, "count-minus-3")]
    public void A_values_name_says_its_kind_currency_value_and_unit(int value, FigureKind kind, string? currency, string? unit, string name) =>
        Assert.Equal(name, new ValueKey(value, kind, currency, unit).Name);

    [Fact]
    public void Equal_values_have_one_name_and_different_keys_never_share_one()
    {
        Assert.Equal("percent-12p5", new ValueKey(12.50m, FigureKind.Percent, null).Name);
        Assert.Equal(new ValueKey(12.5m, FigureKind.Percent, null).Name, new ValueKey(12.500m, FigureKind.Percent, null).Name);
        var keys = new[]
        {
            new ValueKey(1.5m, FigureKind.Count, null), new ValueKey(15m, FigureKind.Count, null), new ValueKey(-1.5m, FigureKind.Count, null),
            new ValueKey(2, FigureKind.Count, null, "km²"), new ValueKey(2, FigureKind.Count, null, "km³"), new ValueKey(2, FigureKind.Count, null, "km"),
            new ValueKey(2, FigureKind.Count, null, "km-"), new ValueKey(2, FigureKind.Count, null, "../x"), new ValueKey(100, FigureKind.Money, "GBP"),
            new ValueKey(100, FigureKind.Money, "USD"), new ValueKey(100, FigureKind.Count, null),
        };
        Assert.Equal(keys.Length, keys.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.Matches("^[a-z0-9-]+$", k.Name));
    }
}
