using CaseRecord.Analysis;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

public sealed class QuotationTallyTests
{
    [Fact]
    public void The_count_line_gives_each_kind_of_evidence_and_counts_unnamed_sources_apart()
    {
        var tally = new QuotationTally(Cue: 60, Pronoun: 20, Continuation: 15, Override: 0, Unnamed: 7, Unattributed: 6, NotSpeech: 4);
        Assert.Equal("112 quotations: 95 attributed (60 cue, 20 pronoun, 15 continuation), 7 unnamed, 6 unattributed, 4 not speech", tally.Describe(notSpeech: true));
        Assert.Equal("108 quotations: 95 attributed (60 cue, 20 pronoun, 15 continuation), 7 unnamed, 6 unattributed", tally.Describe());
        Assert.Equal("1 quotation: 1 attributed (1 override), 0 unnamed, 0 unattributed", new QuotationTally(0, 0, 0, 1, 0, 0, 0).Describe());
        Assert.Equal("0 quotations", new QuotationTally(0, 0, 0, 0, 0, 0, 3).Describe());
        Assert.Equal("2 quotations: 0 attributed, 0 unnamed, 2 unattributed", new QuotationTally(0, 0, 0, 0, 0, 2, 0).Describe());
    }

    [Fact]
    public void An_article_is_counted_by_the_basis_of_each_quotation()
    {
        const string text = "Ms Thornton said: “We failed.”\n\nThe mother of one victim said: “Nobody listened to us.”\n\n" +
            "Red banners, “Out, out”, hung from the bridge.\n\nThe so-called “Bullfinch” case was hard.";
        var quotes = "quotes:\n  - match: Nobody listened\n    unnamed: the mother of one victim\n  - match: Bullfinch\n    speaker: none\n";
        var a = Analyse.Text(text, extraYaml: quotes, speakers: [Analyse.Person("sara-thornton", "Sara Thornton")]);
        var tally = QuotationTally.Of(a.Quotations);
        Assert.Equal(new QuotationTally(Cue: 1, Pronoun: 0, Continuation: 0, Override: 0, Unnamed: 1, Unattributed: 1, NotSpeech: 1), tally);
        Assert.Equal((1, 3, 4), (tally.Attributed, tally.Speech, tally.Total));
        // An unnamed source is the editors' finding, not a problem: only the unattributed quotation is warned of.
        var warned = Assert.Single(a.Diagnostics, d => d.Message.Contains("cannot be attributed"));
        Assert.Contains("p3", warned.Message);
    }
}
