using System.Text.Json;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Rendering;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>Values shown as what they are: money with its currency, dates as dates, units after values.</summary>
public sealed class FigureValueTests
{
    [Theory]
    [InlineData("£2.3m", 2300000, "GBP", "£2.3m")]
    [InlineData("a bill of $600,000 was", 600000, "USD", "$600,000")]
    [InlineData("€1.2bn", 1200000000, "EUR", "€1.2bn")]
    [InlineData("£45 million", 45000000, "GBP", "£45 million")]
    [InlineData("£3 billion", 3000000000, "GBP", "£3 billion")]
    [InlineData("£250k", 250000, "GBP", "£250k")]
    [InlineData("5p a litre", 0.05, "GBP", "5p")]
    [InlineData("£3.50", 3.5, "GBP", "£3.50")]
    [InlineData("217,640 was paid", 217640, null, "217,640")]
    [InlineData("12 million", 12000000, null, "12 million")]
    public void Money_is_read_with_its_symbol_and_scale(string text, double amount, string? currency, string written)
    {
        var m = FigureValues.Money(text);
        Assert.NotNull(m);
        Assert.Equal((decimal)amount, m.Amount);
        Assert.Equal(currency, m.Currency);
        Assert.Equal(written, m.Written);
    }

    [Theory]
    [InlineData("5 per cent")]
    [InlineData("5 miles")]
    public void Words_after_a_number_that_are_not_a_scale_are_left_alone(string text) =>
        Assert.Equal(5m, FigureValues.Money(text)!.Amount);

    /// <summary>Rows of cells split by " | ", one row a line.</summary>
    private static TheoryData<string, string> Pairs(string rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = row.Split(" | ");
            data.Add(cells[0], cells[1]);
        }
        return data;
    }

    public static TheoryData<string, string> DateForms => Pairs("""
        on 12 February 2022 the | 2022-02-12
        on 1st March 2021 | 2021-03-01
        12 february 2022 | 2022-02-12
        in February 2022 | 2022-02
        dated 2022-02-12. | 2022-02-12
        2022-02 | 2022-02
        in 2022 | 2022
        """);

    [Theory]
    [MemberData(nameof(DateForms))]
    public void Dates_are_read_in_each_form(string text, string iso) => Assert.Equal(iso, FigureValues.Date(text)?.Iso);

    [Theory]
    [InlineData("on 31 February 2022")]
    [InlineData("2022-13-01")]
    [InlineData("two years later")]
    public void No_real_date_is_null(string text) => Assert.Null(FigureValues.Date(text));

    [Theory]
    [InlineData("10 years ago", "years")]
    [InlineData("for 18 months", "months")]
    [InlineData("1 day", "day")]
    [InlineData("10 officers", null)]
    public void A_duration_takes_its_unit_from_the_words(string text, string? unit) => Assert.Equal(unit, FigureValues.DurationUnit(text));

    [Theory]
    [InlineData("GBP", true)]
    [InlineData("usd", true)]
    [InlineData("XYZ", false)]
    [InlineData("POUNDS", false)]
    public void Currency_codes_are_iso_4217(string code, bool known) => Assert.Equal(known, FigureValues.IsCurrencyCode(code));

    private static LocatedFigure One(string text, string figureYaml)
    {
        var a = Analyse.Text(text, extraYaml: "figures:\n  - id: f\n    label: F\n" + figureYaml);
        Assert.Empty(a.Diagnostics.Where(d => d.IsError));
        return Assert.Single(a.Figures);
    }

    [Theory]
    [InlineData("The scheme cost £2.3m last year.", "    kind: money\n    match: £2.3m\n", 2300000, "GBP", "£2.3m")]
    [InlineData("Fuel rose by 5p a litre.", "    kind: money\n    match: 5p a litre\n", 0.05, "GBP", "5p")]
    [InlineData("It paid 217,640 in fees.", "    kind: money\n    match: 217,640 in fees\n    currency: GBP\n", 217640, "GBP", "£217,640")]
    [InlineData("It paid 1,200 in fees.", "    kind: money\n    match: 1,200 in fees\n    currency: chf\n", 1200, "CHF", "1,200 CHF")]
    [InlineData("It paid 1,200 in fees.", "    kind: money\n    match: 1,200 in fees\n", 1200, null, "1,200")]
    [InlineData("It paid a bill of $600,000.", "    kind: money\n    match: $600,000\n    currency: AUD\n", 600000, "AUD", "600,000 AUD")]
    [InlineData("It cost millions, £3m.", "    kind: money\n    match: It cost millions\n    value: 3000000\n    currency: GBP\n", 3000000, "GBP", "£3,000,000")]
    public void Money_figures_are_shown_with_their_currency(string text, string yaml, double value, string? currency, string shown)
    {
        var f = One(text, yaml);
        Assert.Equal((decimal)value, f.Value);
        Assert.Equal(currency, f.Currency);
        Assert.Equal(shown, ValueFormatter.Value(f));
    }

    [Fact]
    public void A_currency_that_disagrees_with_the_symbol_is_an_error()
    {
        var a = Analyse.Text("It cost £2.3m.", extraYaml: "figures:\n  - id: f\n    label: F\n    kind: money\n    match: £2.3m\n    currency: EUR\n");
        Assert.Contains(a.Diagnostics, d => d.IsError && d.Message.Contains("disagrees with '£2.3m'") && d.At.Line == 9);
    }

    [Theory]
    [InlineData("It happened on 12 February 2022.", "    kind: date\n    match: 12 February 2022\n", "2022-02-12", "12 February 2022", 20220212)]
    [InlineData("It happened in February 2022.", "    kind: date\n    match: February 2022\n", "2022-02", "February 2022", 20220200)]
    [InlineData("Filed 2022-02-12.", "    kind: date\n    match: Filed 2022-02-12\n", "2022-02-12", "12 February 2022", 20220212)]
    [InlineData("It happened that winter.", "    kind: date\n    match: that winter\n    value: 2022-02-12\n", "2022-02-12", "12 February 2022", 20220212)]
    [InlineData("It happened in 2022.", "    kind: date\n    match: in 2022\n", "2022", "2022", 20220000)]
    [InlineData("It happened that year.", "    kind: date\n    match: that year\n    value: 2022\n", "2022", "2022", 20220000)]
    public void Date_figures_are_dates(string text, string yaml, string iso, string shown, int value)
    {
        var f = One(text, yaml);
        Assert.Equal(iso, f.Date?.Iso);
        Assert.Equal(shown, ValueFormatter.Value(f));
        Assert.Equal(value, f.Value);
        Assert.Equal(iso, ValueFormatter.IsoDate(f));
    }

    [Fact]
    public void A_year_figure_is_shown_as_a_year_not_a_number() =>
        Assert.Equal("2022", ValueFormatter.Value(One("In 2022 it began.", "    kind: year\n    match: In 2022\n")));

    [Fact]
    public void A_date_figure_without_a_date_is_an_error_at_its_match()
    {
        var a = Analyse.Text("It happened that winter.", extraYaml: "figures:\n  - id: f\n    label: F\n    kind: date\n    match: that winter\n");
        var e = Assert.Single(a.Diagnostics, d => d.IsError);
        Assert.Contains("has no date", e.Message);
        Assert.Equal(8, e.At.Line);
    }

    [Theory]
    [InlineData("2022-02-30")]
    [InlineData("12/02/2022")]
    [InlineData("soon")]
    public void An_impossible_date_value_is_an_error(string value)
    {
        // The front matter is refused, so the helper throws with its diagnostics.
        var e = Assert.Throws<InvalidOperationException>(() => Analyse.Text("It happened that winter.",
            extraYaml: $"figures:\n  - id: f\n    label: F\n    kind: date\n    match: that winter\n    value: \"{value}\"\n"));
        Assert.Contains($"input/articles/t.md:9:12: error: 'value' of a date figure must be a date as YYYY-MM-DD, YYYY-MM or YYYY, from year 0001 to 9999, not '{value}'", e.Message);
    }

    // text | the figure's keys after id and label, split by "; " | shown as
    public static TheoryData<string, string, string> Units => Triples("""
        Crime fell by 85% in a year. | kind: percent; match: 85% | 85%
        It lasted 10 years in all. | kind: duration; match: 10 years | 10 years
        It lasted 10 years in all. | kind: duration; match: 10 years; unit: years of delay | 10 years of delay
        Some 340 officers came. | match: 340 officers; unit: officers | 340 officers
        Some 340 officers came. | match: 340 officers | 340
        It cost £2.3m a year. | kind: money; match: £2.3m a year; unit: a year | £2.3m a year
        """);

    private static TheoryData<string, string, string> Triples(string rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = row.Split(" | ");
            data.Add(cells[0], string.Concat(cells[1].Split("; ").Select(k => $"    {k}\n")), cells[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Values_are_shown_with_their_unit(string text, string yaml, string shown) =>
        Assert.Equal(shown, ValueFormatter.Value(One(text, yaml)));

    [Fact]
    public void A_unit_on_a_date_or_currency_on_a_count_is_an_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Analyse.Text("In 2022, 340 came.",
            extraYaml: "figures:\n  - id: f\n    label: F\n    kind: year\n    match: In 2022\n    unit: years\n  - id: g\n    label: G\n    match: 340 came\n    currency: GBP\n"));
        Assert.Contains("input/articles/t.md:9:11: error: 'unit' is not for figures of kind 'year' or 'date'", e.Message);
        Assert.Contains("input/articles/t.md:13:15: error: 'currency' is only for figures of kind 'money'", e.Message);
    }

    [Fact]
    public void The_timeline_orders_by_full_date_with_a_year_alone_before_its_dated_events()
    {
        var site = new TestSite()
            .Seed("a.txt", "On 12 February 2022 it was signed. On 3 January 2022 it was drafted.\n\nIn March 2021 it was proposed.")
            .Seed("b.txt", "In 2022 the scheme began. In 2021 there was talk.")
            .Article("a", "title: A\nsource: seeds/a.txt\nfigures:\n" +
                "  - id: signed\n    label: Signed\n    kind: date\n    match: On 12 February 2022\n    event: Signed.\n" +
                "  - id: drafted\n    label: Drafted\n    kind: date\n    match: On 3 January 2022\n    event: Drafted.\n" +
                "  - id: proposed\n    label: Proposed\n    kind: date\n    match: In March 2021\n    event: Proposed.\n")
            .Article("b", "title: B\nsource: seeds/b.txt\nfigures:\n" +
                "  - id: began\n    label: Began\n    kind: year\n    match: In 2022 the scheme\n    event: Began.\n" +
                "  - id: talk\n    label: Talk\n    kind: year\n    match: In 2021 there\n    event: Talk.\n");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var json = JsonDocument.Parse(output.Text("data/case.json"));
        var timeline = json.RootElement.GetProperty("timeline").EnumerateArray()
            .Select(e => (e.GetProperty("figure").GetString(), e.GetProperty("when").GetString())).ToArray();
        Assert.Equal(
            [("talk", "2021"), ("proposed", "March 2021"), ("began", "2022"), ("drafted", "3 January 2022"), ("signed", "12 February 2022")],
            timeline);
        var signed = json.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "signed");
        Assert.Equal("2022-02-12", signed.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, signed.GetProperty("currency").ValueKind);
        var html = output.Text("timeline/index.html");
        Assert.True(html.IndexOf("3 January 2022", StringComparison.Ordinal) < html.IndexOf("12 February 2022", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_file_gives_money_its_currency()
    {
        var (_, output) = TestSite.BuiltWithOne("The scheme cost £2.3m in all.", "figures:\n  - id: cost\n    label: Cost\n    kind: money\n    match: £2.3m\n");
        using var json = JsonDocument.Parse(output.Text("data/case.json"));
        var cost = json.RootElement.GetProperty("figures").EnumerateArray().Single();
        Assert.Equal(2300000m, cost.GetProperty("value").GetDecimal());
        Assert.Equal("GBP", cost.GetProperty("currency").GetString());
        Assert.Contains("£2.3m", output.Text("figures/cost/index.html"), StringComparison.Ordinal);
    }
}
