using CaseRecord.Tests.Support;
using static CaseRecord.Tests.Support.Analyse;

namespace CaseRecord.Tests.Unit;

/// <summary>Where an article names each speaker of the record (issue 19): name, alias, title and surname, bare surname; never inside quotations.</summary>
public sealed class PersonMentionTests
{
    private static List<(string Slug, string Text)> Named(string text, params (string Slug, string Name, string[] Aliases)[] speakers)
    {
        var a = Analyse.Text(text, speakers: speakers);
        return [.. a.People.Select(m => (m.SpeakerSlug, a.Paragraphs[m.Paragraph - 1].Text[m.Start..m.End]))];
    }

    [Fact]
    public void A_full_name_is_a_mention_with_its_place()
    {
        var a = Analyse.Text("The report was sent to Joanna Simons last week.", speakers: [Person("joanna-simons", "Joanna Simons")]);
        var m = Assert.Single(a.People);
        Assert.Equal(("joanna-simons", 1), (m.SpeakerSlug, m.Paragraph));
        Assert.Equal("Joanna Simons", a.Paragraphs[0].Text[m.Start..m.End]);
    }

    [Fact]
    public void A_title_and_surname_and_an_alias_are_mentions()
    {
        var found = Named("Ms Simons resigned. The chief executive wrote to the board.\n\nCritics blamed JS for the delay.",
            Person("joanna-simons", "Joanna Simons", "JS"));
        Assert.Equal([("joanna-simons", "Ms Simons"), ("joanna-simons", "JS")], found);
    }

    [Fact]
    public void A_bare_surname_is_a_mention_once_the_person_is_named()
    {
        var found = Named("Joanna Simons was chief executive.\n\nSimons resigned in 2015.", Person("joanna-simons", "Joanna Simons"));
        Assert.Equal([("joanna-simons", "Joanna Simons"), ("joanna-simons", "Simons")], found);
    }

    [Fact]
    public void A_name_inside_a_quotation_is_not_a_mention()
    {
        var found = Named("\"Joanna Simons knew,\" said Sara Thornton.",
            Person("joanna-simons", "Joanna Simons"), Person("sara-thornton", "Sara Thornton"));
        Assert.Equal([("sara-thornton", "Sara Thornton")], found);
    }

    [Fact]
    public void Nobody_listed_is_no_mention()
    {
        Assert.Empty(Named("Peter Neyroud wrote the review.", Person("joanna-simons", "Joanna Simons")));
    }
}
