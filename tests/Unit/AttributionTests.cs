using CaseRecord.Analysis;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

public sealed class AttributionTests
{
    private static readonly (string, string, string[]) Thornton = Analyse.Person("sara-thornton", "Sara Thornton");
    private static readonly (string, string, string[]) Smith = Analyse.Person("john-smith", "John Smith", "the commissioner");

    private static string[] Speakers(AnalysedArticle a) => [.. a.Quotations.Select(q => q.SpeakerSlug ?? "(none)")];

    [Fact]
    public void Name_in_the_same_sentence_before_the_quote()
    {
        var a = Analyse.Text("Sara Thornton said: “We failed.”", speakers: [Thornton]);
        Assert.Equal(["sara-thornton"], Speakers(a));
        Assert.Equal(AttributionBasis.Named, a.Quotations[0].Basis);
    }

    [Fact]
    public void Attribution_after_the_quote_with_straight_quotes()
    {
        var a = Analyse.Text("\"We will appeal,\" said John Smith.", speakers: [Smith]);
        Assert.Equal(["john-smith"], Speakers(a));
    }

    [Fact]
    public void Speaker_named_only_by_title_and_surname()
    {
        var a = Analyse.Text("Yesterday the force met.\n\n“It was wrong,” Ms Thornton said.", speakers: [Thornton]);
        Assert.Equal(["sara-thornton"], Speakers(a));
    }

    [Fact]
    public void Role_prefixed_name_in_capitals_is_recognised()
    {
        var a = Analyse.Text("CHIEF constable Sara Thornton said “no”.", speakers: [Thornton]);
        Assert.Equal(["sara-thornton"], Speakers(a));
    }

    [Fact]
    public void Pronoun_resolves_to_the_most_recently_named_speaker()
    {
        var a = Analyse.Text("John Smith spoke first. Then Ms Thornton stood up.\n\nShe said: “I disagree.”", speakers: [Thornton, Smith]);
        Assert.Equal(["sara-thornton"], Speakers(a));
        Assert.Equal(AttributionBasis.Pronoun, a.Quotations[0].Basis);
    }

    [Fact]
    public void Names_inside_quotations_do_not_change_who_a_pronoun_means()
    {
        var a = Analyse.Text("Ms Thornton said: “I told John Smith.”\n\nShe added: “Again.”", speakers: [Thornton, Smith]);
        Assert.Equal(["sara-thornton", "sara-thornton"], Speakers(a));
    }

    [Fact]
    public void Two_speakers_in_one_article_each_get_their_own_quotes()
    {
        const string text = "“We will appeal,” said John Smith.\n\nMs Thornton replied: “There is nothing to appeal.”\n\n“The review is clear,” the commissioner added.";
        var a = Analyse.Text(text, speakers: [Thornton, Smith]);
        Assert.Equal(["john-smith", "sara-thornton", "john-smith"], Speakers(a));
    }

    [Fact]
    public void Nearest_name_in_the_sentence_wins()
    {
        var a = Analyse.Text("Criticising Ms Thornton, John Smith said: “She should go.”", speakers: [Thornton, Smith]);
        Assert.Equal(["john-smith"], Speakers(a));
    }

    [Fact]
    public void A_quote_only_paragraph_inherits_the_previous_paragraphs_speaker()
    {
        var a = Analyse.Text("Ms Thornton spoke about the review.\n\n“There were crimes.”\n\n“Many of them.”", speakers: [Thornton]);
        Assert.Equal(["sara-thornton", "sara-thornton"], Speakers(a));
        Assert.All(a.Quotations, q => Assert.Equal(AttributionBasis.PreviousParagraph, q.Basis));
    }

    [Fact]
    public void Partial_quote_inside_a_sentence_is_attributed_like_a_full_one()
    {
        var a = Analyse.Text("Ms Thornton said this may have led “to a reluctance”.", speakers: [Thornton]);
        Assert.True(a.Quotations[0].IsPartial);
        Assert.Equal(["sara-thornton"], Speakers(a));
    }

    [Fact]
    public void An_override_wins_and_none_marks_words_that_are_not_speech()
    {
        const string text = "Ms Thornton said the so-called “Bullfinch” case was hard. She said: “It was.”";
        var quotes = "quotes:\n  - match: Bullfinch\n    speaker: none\n  - match: It was\n    speaker: john-smith\n";
        var a = Analyse.Text(text, extraYaml: quotes, speakers: [Thornton, Smith]);
        Assert.Equal(AttributionBasis.NotSpeech, a.Quotations[0].Basis);
        Assert.Null(a.Quotations[0].SpeakerSlug);
        Assert.Equal("john-smith", a.Quotations[1].SpeakerSlug);
        Assert.Equal(AttributionBasis.Override, a.Quotations[1].Basis);
        Assert.DoesNotContain(a.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void An_override_may_match_words_in_any_paragraph_of_a_continued_quotation()
    {
        const string text = "The chair spoke.\n\n“We will look again.\n\n“We owe it to the families.”";
        var a = Analyse.Text(text, extraYaml: "quotes:\n  - match: owe it to the families\n    speaker: sara-thornton\n", speakers: [Thornton]);
        Assert.Equal(["sara-thornton"], Speakers(a));
        Assert.Equal(AttributionBasis.Override, a.Quotations[0].Basis);
        Assert.DoesNotContain(a.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void An_override_that_matches_no_quotation_is_an_error_at_its_line()
    {
        var a = Analyse.Text("Ms Thornton said: “Yes.”", extraYaml: "quotes:\n  - match: nowhere\n    speaker: sara-thornton\n", speakers: [Thornton]);
        var e = Assert.Single(a.Diagnostics, d => d.IsError);
        Assert.Equal("input/articles/t.md", e.At.Path);
        Assert.Equal(5, e.At.Line);
        Assert.Contains("not inside any quotation", e.Message);
    }

    [Fact]
    public void An_unattributable_quote_is_a_warning_at_its_place_in_the_seed()
    {
        var a = Analyse.Text("Intro.\n\nThe crowd chanted “out”.", speakers: [Thornton]);
        Assert.Null(a.Quotations[0].SpeakerSlug);
        var w = Assert.Single(a.Diagnostics, d => d.Message.Contains("cannot be attributed"));
        Assert.False(w.IsError);
        Assert.Equal("seeds/t.txt", w.At.Path);
        Assert.Equal(3, w.At.Line);
        Assert.Equal(19, w.At.Column);
        Assert.Contains("p2", w.Message);
    }

    [Fact]
    public void Curly_and_straight_apostrophes_in_names_are_the_same()
    {
        var a = Analyse.Text("Sean O’Brien said: “Fine.”", speakers: [Analyse.Person("sean-obrien", "Sean O'Brien")]);
        Assert.Equal(["sean-obrien"], Speakers(a));
    }

    [Fact]
    public void A_surname_two_speakers_share_means_the_one_the_article_lists()
    {
        var reids = new[] { Analyse.Person("noah-reid", "Noah Reid"), Analyse.Person("olu-reid", "Olu Reid") };
        var listed = Analyse.Text("Ms Reid said: “Yes.”", speakersYaml: "speakers: [olu-reid]\n", speakers: reids);
        Assert.Equal(["olu-reid"], Speakers(listed));
        var unlisted = Analyse.Text("Ms Reid said: “Yes.”", speakers: reids);
        Assert.Equal(["(none)"], Speakers(unlisted));
        Assert.Contains(unlisted.Diagnostics, d => d.Message.Contains("could be noah-reid or olu-reid"));
        var named = Analyse.Text("Noah Reid spoke. Ms Reid said: “Yes.”", speakers: reids);
        Assert.Equal(["noah-reid"], Speakers(named));
    }
}
