using System.Text.Json;
using CaseRecord.Building;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Golden;

/// <summary>
/// One invented story told by three articles (tests/sites/three-sources): a fact all three state
/// alike, one two state differently, an inline figure, a share of another article's figure, a
/// person only mentioned, an unnamed source, url and archived, money, a date and a year of the
/// editors' arithmetic. Its pages are compared with expected/; the facts below say why they are so.
/// </summary>
public sealed class ThreeSourcesSiteTests
{
    private const string SiteFolder = "tests/sites/three-sources";

    private static (BuildResult Result, MemorySink Output) Built() => GoldenSite.Build(SiteFolder);

    [Fact]
    public void The_pages_match_the_expected_output() => GoldenSite.AssertPagesMatch(SiteFolder, Built().Output);

    [Fact]
    public void The_only_warning_is_the_fact_the_sources_differ_on_with_both_places()
    {
        var (result, _) = Built();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("input/articles/bridge-closed.md:15:12: warning: figure 'daily-vehicles' is stated as 9,000 here and 8,500 in input/articles/valley-news.md:13:12; "
            + "check both against their sources, or settle it with 'value:' in input/figures/daily-vehicles.md", warning.ToString());
    }

    [Fact]
    public void A_fact_three_sources_agree_on_is_listed_once_and_says_so()
    {
        var (_, output) = Built();
        var home = TestSite.Html(output, "index.html");
        var cards = home.QuerySelectorAll(".figure-cards li").Where(li => li.TextContent.Contains("Cracks the inspectors found")).ToList();
        Assert.Single(cards);
        Assert.Contains("stated by 3 sources", cards[0].TextContent);
        var rows = TestSite.Html(output, "figures/index.html").QuerySelectorAll("table.figures tbody tr").Where(r => r.TextContent.Contains("Cracks the inspectors found")).ToList();
        Assert.Single(rows);
        Assert.Contains("14 cracks", rows[0].TextContent);

        var page = TestSite.Html(output, "figures/cracks-found/index.html");
        Assert.Equal("Stated by 3 sources", page.GetElementById("h-statements")!.TextContent);
        var statements = page.QuerySelectorAll(".statements li");
        Assert.Equal(3, statements.Length);
        // Newest first, each with its own words, sentence, paragraph link and date.
        Assert.Contains("14 cracks were found", statements[0].TextContent);
        Assert.Contains("10 June 2024", statements[0].TextContent);
        Assert.Equal("../../articles/repairs-begin/index.html#p1", statements[0].QuerySelector(".where a")!.GetAttribute("href"));
        Assert.Contains("counted 14 cracks", statements[1].TextContent);
        Assert.Contains("found 14 cracks", statements[2].TextContent);
        Assert.Empty(page.QuerySelectorAll(".differs-tag"));
    }

    [Fact]
    public void A_fact_two_sources_differ_on_shows_both_values_wherever_it_is_listed()
    {
        var (_, output) = Built();
        var page = TestSite.Html(output, "figures/daily-vehicles/index.html");
        Assert.Equal("The sources differ", page.GetElementById("h-statements")!.TextContent);
        Assert.Contains("also stated as 9,000", page.QuerySelector("header .differs-tag")!.TextContent);
        var statements = page.QuerySelectorAll(".statements li");
        Assert.Equal(2, statements.Length);
        Assert.Contains("8,500", statements[0].QuerySelector(".stated-value")!.TextContent);
        Assert.Null(statements[0].QuerySelector(".differs-tag"));
        Assert.Contains("9,000", statements[1].QuerySelector(".stated-value")!.TextContent);
        Assert.NotNull(statements[1].QuerySelector(".differs-tag"));

        var card = TestSite.Html(output, "index.html").QuerySelectorAll(".figure-cards li").Single(li => li.TextContent.Contains("Vehicles crossing"));
        Assert.Contains("sources differ; also stated as 9,000", card.TextContent);
        var row = TestSite.Html(output, "figures/index.html").QuerySelectorAll("table.figures tbody tr").Single(r => r.TextContent.Contains("Vehicles crossing"));
        Assert.Contains("sources differ; also stated as 9,000", row.TextContent);
        // The article that says 9,000 lists its own value, and the other one as differing.
        var own = TestSite.Html(output, "articles/bridge-closed/index.html").QuerySelectorAll("table.figures tbody tr").Single(r => r.TextContent.Contains("Vehicles crossing"));
        Assert.Contains("9,000", own.QuerySelector("td.num")!.TextContent);
        Assert.Contains("also stated as 8,500", own.TextContent);
    }

    [Fact]
    public void The_data_file_gives_each_fact_its_statements_and_whether_they_agree()
    {
        var (_, output) = Built();
        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        var figures = data.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(6, figures.Count);
        var cracks = figures["cracks-found"];
        Assert.True(cracks.GetProperty("caseLevel").GetBoolean());
        Assert.Equal(3, cracks.GetProperty("sources").GetInt32());
        Assert.Equal("agree", cracks.GetProperty("agreement").GetString());
        Assert.Equal("cracks", cracks.GetProperty("unit").GetString());
        Assert.Equal(["repairs-begin", "valley-news", "bridge-closed"], cracks.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("article").GetString()));
        var vehicles = figures["daily-vehicles"];
        Assert.Equal("differ", vehicles.GetProperty("agreement").GetString());
        Assert.Equal([8500m, 9000m], vehicles.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("value").GetDecimal()));
        var cost = figures["repair-cost"];
        Assert.False(cost.GetProperty("caseLevel").GetBoolean());
        Assert.Equal("single", cost.GetProperty("agreement").GetString());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("statements").ValueKind);
        Assert.Equal("GBP", cost.GetProperty("currency").GetString());
        Assert.Equal(2300000m, cost.GetProperty("value").GetDecimal());
        // A share of another article's figure.
        Assert.Equal("repair-cost", figures["resurfacing-cost"].GetProperty("of").GetString());
        Assert.Equal(17.3913m, figures["resurfacing-cost"].GetProperty("percent").GetDecimal());
        Assert.Equal("2024-06-03", figures["closure-date"].GetProperty("date").GetString());
        Assert.True(figures["bridge-built"].GetProperty("editorialValue").GetBoolean());
    }

    [Fact]
    public void The_timeline_orders_by_date_and_labels_the_editors_year()
    {
        var (_, output) = Built();
        var events = TestSite.Html(output, "timeline/index.html").QuerySelectorAll("main li");
        Assert.Equal(2, events.Length);
        Assert.StartsWith("1962 (editors' figure)", events[0].TextContent.Trim());
        Assert.StartsWith("3 June 2024", events[1].TextContent.Trim());
    }

    [Fact]
    public void A_person_only_mentioned_has_a_page_of_mentions_and_an_unnamed_source_is_listed_on_its_article()
    {
        var (_, output) = Built();
        var grant = TestSite.Html(output, "speakers/lee-grant/index.html");
        Assert.Contains("the inspection report by Lee Grant found", grant.QuerySelector("main")!.TextContent);
        Assert.NotNull(grant.QuerySelector("a[href='../../articles/valley-news/index.html#p3']"));
        var article = TestSite.Html(output, "articles/valley-news/index.html");
        Assert.Contains("We have rerouted our services", article.GetElementById("h-article-unnamed")!.ParentElement!.TextContent);
        var closed = TestSite.Html(output, "articles/bridge-closed/index.html");
        Assert.NotNull(closed.QuerySelector("a[href='https://example.org/courier/2024/06/04/bridge-closed']"));
        Assert.NotNull(closed.QuerySelector("a[href^='https://web.archive.org/web/20240604000000/']"));
    }

    [Fact]
    public void Every_quotation_has_the_source_the_text_gives_it_and_no_other()
    {
        var (_, output) = Built();
        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        var sources = data.RootElement.GetProperty("quotations").EnumerateArray()
            .Select(q => $"{q.GetProperty("article").GetString()} p{q.GetProperty("paragraphs")[0].GetInt32()} "
                + (q.GetProperty("speaker").GetString() ?? "unnamed: " + q.GetProperty("unnamed").GetString()) + " by " + q.GetProperty("evidence").GetProperty("rule").GetString())
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal([
            "bridge-closed p2 dana-okafor by continuation", // "The bridge will stay shut …", the second part of her sentence
            "bridge-closed p2 dana-okafor by cue",          // "… said Dana Okafor"
            "repairs-begin p2 sam-reyes by cue",            // "… said Sam Reyes"
            "valley-news p2 dana-okafor by cue",            // "… Ms Okafor said"
            "valley-news p4 unnamed: a spokesman by unnamed", // "… said a spokesman for the bus company": nobody named
        ], sources);
        // Lee Grant is named as the report's author and never quoted: no quotation is his.
        Assert.DoesNotContain(sources, x => x.Contains("lee-grant", StringComparison.Ordinal));
    }
}
