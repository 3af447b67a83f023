using CaseRecord.Analysis;
using CaseRecord.Rendering;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

public sealed class FigureTests
{
    [Theory]
    [InlineData("1,561 recorded contacts", 1561)]
    [InlineData("just 26 offences", 26)]
    [InlineData("£3.5m", 3.5)]
    [InlineData("in 2007, two years", 2007)]
    public void Value_defaults_to_the_first_number_in_the_match(string match, double expected) =>
        Assert.Equal((decimal)expected, FigureLocator.FirstNumber(match));

    [Fact]
    public void A_figure_written_in_words_takes_its_stated_value()
    {
        var a = Analyse.Text("She took up the post in 2007, two years after the abuse began.",
            extraYaml: "figures:\n  - id: began\n    label: Began\n    kind: year\n    value: 2005\n    match: two years after the abuse began\n    event: It began.\n  - id: post\n    label: Post\n    kind: year\n    match: \"2007\"\n");
        Assert.Empty(a.Diagnostics);
        Assert.Equal(2005m, a.Figures.Single(f => f.Id == "began").Value);
    }

    [Fact]
    public void Match_without_digits_and_without_value_is_an_error()
    {
        var a = Analyse.Text("Two years later.", extraYaml: "figures:\n  - id: t\n    label: T\n    match: Two years\n");
        Assert.Contains(a.Diagnostics, d => d.IsError && d.Message.Contains("add 'value:'"));
    }

    [Fact]
    public void A_figure_inside_a_quotation_knows_who_said_it_and_its_sentence()
    {
        var a = Analyse.Text("Ms Thornton said: “There were 26 recorded crimes. Others too.”",
            extraYaml: "figures:\n  - id: c\n    label: C\n    match: 26 recorded crimes\n", speakers: [Analyse.Person("sara-thornton", "Sara Thornton")]);
        var f = Assert.Single(a.Figures);
        Assert.Equal("sara-thornton", f.SpeakerSlug);
        Assert.Equal("Ms Thornton said: “There were 26 recorded crimes.", f.Sentence);
    }

    [Fact]
    public void Curly_and_straight_apostrophes_match_alike()
    {
        var a = Analyse.Text("The chiefs’ 12 demands.", extraYaml: "figures:\n  - id: d\n    label: D\n    match: chiefs' 12 demands\n");
        Assert.Empty(a.Diagnostics);
        Assert.Equal(12m, Assert.Single(a.Figures).Value);
    }

    [Fact]
    public void Share_is_shown_with_one_decimal() => Assert.Equal("1.7%", ValueFormatter.Percent(26m / 1561m * 100m));

    [Theory]
    [InlineData(1561, CaseRecord.Content.FigureKind.Count, "1,561")]
    [InlineData(2005, CaseRecord.Content.FigureKind.Year, "2005")]
    [InlineData(12.5, CaseRecord.Content.FigureKind.Percent, "12.5%")]
    public void Values_are_formatted_by_kind(double value, CaseRecord.Content.FigureKind kind, string expected) =>
        Assert.Equal(expected, ValueFormatter.Value((decimal)value, kind));
}
