using System.Text.Json;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>Facts of the case (input/figures/&lt;id&gt;.md) stated by articles with <c>figure:</c>, on small sites made of strings.</summary>
public sealed class CaseFigureTests
{
    private static TestSite TwoArticles(string figureFile, string aItem, string bItem, string aText = "The review counted 1,561 contacts.\n",
        string bText = "Officers had 1,561 contacts with the girls.\n") => new TestSite()
        .File("input/figures/contacts.md", figureFile)
        .Seed("a.txt", aText).Seed("b.txt", bText)
        .Article("a", $"title: A\nsource: seeds/a.txt\npublished: 2024-01-02\nfigures:\n{aItem}")
        .Article("b", $"title: B\nsource: seeds/b.txt\npublished: 2024-01-01\nfigures:\n{bItem}");

    private static JsonElement Figure(CaseRecord.Output.MemorySink output, string id)
    {
        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        return data.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id).Clone();
    }

    [Fact]
    public void Statements_that_agree_make_one_figure_stated_by_both_with_the_files_label_and_unit()
    {
        var (result, output) = TwoArticles("---\nlabel: Recorded contacts\nunit: contacts\n---\nA note.\n",
            "  - figure: contacts\n    match: 1,561 contacts\n", "  - figure: contacts\n    match: 1,561 contacts\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var f = Figure(output, "contacts");
        Assert.Equal("Recorded contacts", f.GetProperty("label").GetString());
        Assert.Equal(2, f.GetProperty("sources").GetInt32());
        Assert.Equal("agree", f.GetProperty("agreement").GetString());
        Assert.Equal("A note.", f.GetProperty("note").GetString());
        Assert.Contains("1,561 contacts", TestSite.Html(output, "figures/contacts/index.html").QuerySelector(".figure-value")!.TextContent);
        // Each article's page lists the figure as its own.
        Assert.Contains("Recorded contacts", TestSite.Html(output, "articles/b/index.html").QuerySelector("table.figures")!.TextContent);
    }

    [Fact]
    public void Statements_that_differ_warn_with_both_places_until_the_editors_settle_a_value_which_is_then_labelled_theirs()
    {
        const string a = "  - figure: contacts\n    match: 1,561 contacts\n", b = "  - figure: contacts\n    match: 1,560 contacts\n";
        var (unsettled, _) = TwoArticles("---\nlabel: Contacts\n---\n", a, b, bText: "Officers had 1,560 contacts with the girls.\n").Build();
        var warning = Assert.Single(unsettled.Diagnostics);
        Assert.Equal("input/articles/b.md:7:12: warning: figure 'contacts' is stated as 1,560 here and 1,561 in input/articles/a.md:7:12; check both against their sources, or settle it with 'value:' in input/figures/contacts.md", warning.ToString());

        var (settled, output) = TwoArticles("---\nlabel: Contacts\nvalue: 1560\n---\nThe review's own table gives 1,560.\n", a, b, bText: "Officers had 1,560 contacts with the girls.\n").Build();
        Assert.True(settled.Succeeded);
        Assert.Empty(settled.Diagnostics);
        var f = Figure(output, "contacts");
        Assert.Equal(1560m, f.GetProperty("value").GetDecimal());
        Assert.True(f.GetProperty("editorialValue").GetBoolean());
        Assert.Equal("differ", f.GetProperty("agreement").GetString());
        var page = TestSite.Html(output, "figures/contacts/index.html");
        Assert.Contains("the editors settled on this value", page.QuerySelector("header .inferred")!.TextContent);
        Assert.Contains("also stated as 1,561", page.QuerySelector("header .differs-tag")!.TextContent);
        var card = TestSite.Html(output, "figures/index.html").QuerySelector("table.figures tbody tr")!;
        Assert.Contains("(editors' figure)", card.TextContent);
    }

    [Fact]
    public void A_statements_value_is_read_by_its_figures_kind()
    {
        var (result, output) = TwoArticles("---\nlabel: Day the bridge closed\nkind: date\nevent: The bridge closed.\n---\n",
            "  - figure: contacts\n    match: on Monday\n    value: 2024-06-03\n", "  - figure: contacts\n    match: 3 June 2024\n",
            "The bridge closed on Monday.\n", "The bridge closed on 3 June 2024.\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var f = Figure(output, "contacts");
        Assert.Equal("2024-06-03", f.GetProperty("date").GetString());
        Assert.Equal("agree", f.GetProperty("agreement").GetString());
        // One event on the timeline, not one per statement.
        Assert.Single(TestSite.Html(output, "timeline/index.html").QuerySelectorAll("main li"));
    }

    [Theory]
    [InlineData("  - figure: contacts\n    match: 1,561 contacts\n    currency: GBP\n", "input/articles/a.md:8:15: error: 'currency' is only for figures of kind 'money'; 'contacts' is of kind count (input/figures/contacts.md)")]
    [InlineData("  - figure: contacts\n    match: 1,561 contacts\n    value: many\n", "input/articles/a.md:8:12: error: 'value' must be a number, not 'many'")]
    [InlineData("  - figure: contacts\n    match: 1,561 contacts\n  - figure: contacts\n    match: \"1,561\"\n", "input/articles/a.md:8:13: error: figure 'contacts' is stated twice in this article (also at input/articles/a.md:6:13)")]
    [InlineData("  - figure: contact\n    match: 1,561 contacts\n", "input/articles/a.md:6:13: error: figure 'contact' names no case-level figure: did you mean 'contacts'? If not, add input/figures/contact.md")]
    [InlineData("  - figure: Contacts\n    match: 1,561 contacts\n", "input/articles/a.md:6:13: error: figure 'Contacts' is not a valid slug")]
    public void A_bad_statement_is_an_error_at_its_place(string aItem, string expected)
    {
        var (result, _) = TwoArticles("---\nlabel: Contacts\n---\n", aItem, "  - figure: contacts\n    match: 1,561 contacts\n").Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_fact_no_article_states_is_a_warning_at_its_file()
    {
        var site = TwoArticles("---\nlabel: Contacts\n---\n", "  - id: a-contacts\n    label: Contacts\n    match: 1,561 contacts\n", "  - id: b-contacts\n    label: Contacts\n    match: 1,561 contacts\n");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.StartsWith("input/figures/contacts.md:1:1: warning: figure 'contacts' is stated by no article", warning.ToString());
        Assert.False(output.Files.ContainsKey("figures/contacts/index.html"));
    }

    [Fact]
    public void Of_joins_a_fact_of_the_case_and_a_figure_of_another_article_either_way()
    {
        var site = new TestSite()
            .File("input/figures/contacts.md", "---\nlabel: Contacts\n---\n")
            .File("input/figures/offences.md", "---\nlabel: Offences\nof: a-total\n---\n")
            .Seed("a.txt", "There were 2,000 reports and 1,561 contacts.\n").Seed("b.txt", "Of 1,561 contacts, 26 were offences and 13 were charged.\n")
            .Article("a", "title: A\nsource: seeds/a.txt\nfigures:\n  - id: a-total\n    label: Reports\n    match: 2,000 reports\n  - figure: contacts\n    match: 1,561 contacts\n")
            .Article("b", "title: B\nsource: seeds/b.txt\nfigures:\n  - figure: contacts\n    match: 1,561 contacts\n  - figure: offences\n    match: 26 were offences\n"
                + "  - id: charged\n    label: Charged\n    match: 13 were charged\n    of: contacts\n");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(1.3m, Figure(output, "offences").GetProperty("percent").GetDecimal());
        Assert.Equal(0.8328m, Figure(output, "charged").GetProperty("percent").GetDecimal());
        Assert.Contains("0.8%", TestSite.Html(output, "figures/contacts/index.html").GetElementById("h-shares")!.ParentElement!.TextContent);
    }

    [Theory]
    [InlineData("money", "£100", "$100")] // not the same currency
    [InlineData("duration", "10 years", "10 days")] // not the same unit
    public void Figures_of_one_number_in_two_currencies_or_units_are_not_the_same_value_but_the_same_twice_is(string kind, string same, string other)
    {
        var (result, output) = new TestSite()
            .Seed("a.txt", $"It was {same} here, {other} there and {same} again.\n")
            .Article("a", $"title: A\nsource: seeds/a.txt\nfigures:\n  - id: here\n    label: Here\n    kind: {kind}\n    match: {same} here\n"
                + $"  - id: there\n    label: There\n    kind: {kind}\n    match: {other} there\n  - id: again\n    label: Again\n    kind: {kind}\n    match: {same} again\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var sameValue = TestSite.Html(output, "figures/here/index.html").GetElementById("h-same")!.ParentElement!;
        Assert.Contains("Again", sameValue.TextContent);
        Assert.DoesNotContain("There", sameValue.TextContent);
        Assert.Null(TestSite.Html(output, "figures/there/index.html").GetElementById("h-same"));
    }
}
