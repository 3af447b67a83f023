using CaseRecord.Analysis;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>Each attribution rule on strings, with the patterns real articles showed: the right speaker, or none, never the wrong one.</summary>
public sealed class AttributionRuleTests
{
    private static readonly (string, string, string[]) Stansfeld = Analyse.Person("matthew-stansfeld", "Matthew Stansfeld", "Mr Stansfeld");
    private static readonly (string, string, string[]) Barber = Analyse.Person("anthony-barber", "Anthony Barber");
    private static readonly (string, string, string[]) Simons = Analyse.Person("joanna-simons", "Joanna Simons");
    private static readonly (string, string, string[]) Harris = Analyse.Person("paul-harris", "Paul Harris");
    private static readonly (string, string, string[]) Stone = Analyse.Person("roger-stone", "Roger Stone");
    private static readonly (string, string, string[]) Carter = Analyse.Person("jean-carter", "Jean Carter");
    private static readonly (string, string, string[]) Thornton = Analyse.Person("sara-thornton", "Sara Thornton");
    private static readonly (string, string, string[]) Lee = Analyse.Person("ann-lee", "Ann Lee");
    private static readonly (string, string, string[]) Police = Analyse.Person("thames-valley-police", "Thames Valley Police");

    private static string Who(Quotation q) => q.Basis switch
    {
        AttributionBasis.Unnamed => "unnamed: " + q.UnnamedSource,
        AttributionBasis.Unattributed => "(none)",
        AttributionBasis.NotSpeech => "(not speech)",
        _ => q.SpeakerSlug!,
    };

    private static string[] Run(string text, params (string, string, string[])[] speakers) =>
        [.. Analyse.Text(text, speakers: speakers).Quotations.Select(Who)];

    [Theory]
    // 1. Pronouns agree in gender with the most recent subject.
    [InlineData("Mr Stansfeld defended the force.\n\nThe mother of one victim dismissed Mr Stansfeld’s claims.\n\nShe told the paper: “Nobody listened to us.”", "(none)")]
    [InlineData("Mr Stansfeld spoke first.\n\nDuring the trial one young woman said she felt she had been “let down” after “nothing happened”.", "unnamed: one young woman|unnamed: one young woman")]
    [InlineData("Mr Stansfeld spoke first. Ms Thornton replied.\n\nShe said: “We were wrong.”", "sara-thornton")]
    [InlineData("Ms Thornton spoke first. Mr Stansfeld replied.\n\nShe said: “We were wrong.”", "sara-thornton")]
    // 2. The person quoting is not the speaker.
    [InlineData("Mr Stansfeld addressed the panel.\n\nHe also quoted a former director as saying: “It was chaos.”", "unnamed: a former director")]
    [InlineData("Mr Stansfeld was quoted as saying: “It was chaos.”", "matthew-stansfeld")]
    // 3. Objects and topics are not sources.
    [InlineData("Ms Thornton also rejected claims made by staff of an “oppressive culture”.", "(none)")]
    [InlineData("Thames Valley Police and the council made “many errors”, the review found.", "unnamed: the review")]
    // 4. Capitals for emphasis.
    [InlineData("JOANNA Simons told the meeting her plans.\n\nShe said: “We start today.”", "joanna-simons")]
    // 6. Council titles and bare surnames.
    [InlineData("Cllr Stone said: “The budget is set.”\n\n“It is fair,” Councillor Carter added.", "roger-stone|jean-carter")]
    [InlineData("Sara Thornton is the chief constable.\n\n“We will learn,” Thornton said.", "sara-thornton")]
    [InlineData("Dr Ann Lee, a GP, spoke. Jane Lee, her sister, also spoke.\n\n“It is hard,” Lee said.", "(none)")]
    // Captions, according to, inverted cues, split quotations.
    [InlineData("Joanna Simons: “We will not close the library.”", "joanna-simons")]
    [InlineData("The plan is “unworkable”, according to Mr Stansfeld.", "matthew-stansfeld")]
    [InlineData("“It was avoidable,” said Dr Lee, a GP in the town.", "ann-lee")]
    [InlineData("Ms Thornton met families.\n\n“We failed,” she said. “We are sorry.”", "sara-thornton|sara-thornton")]
    // Unnamed sources.
    [InlineData("A spokesman for Thames Valley Police said: “Inquiries continue.”", "unnamed: a spokesman for Thames Valley Police")]
    [InlineData("One resident, who did not want to be named, said: “It is a disgrace.”", "unnamed: one resident")]
    // Bodies that speak.
    [InlineData("Thames Valley Police said in a statement: “We accept the findings.”\n\nThey added: “Lessons have been learned.”", "thames-valley-police|thames-valley-police")]
    // Scare quotes with no cue.
    [InlineData("Ms Thornton leads what critics call a “closed shop” force.", "(none)")]
    [InlineData("Ms Thornton rejected what she called “armchair policing”.", "sara-thornton")]
    // Continuations: a quote-only paragraph after someone new is introduced does not inherit.
    [InlineData("Mr Harris said: “We will look again.”\n\nJoanna Simons, who chairs the panel, disagreed.\n\n“It is too late.”", "paul-harris|(none)")]
    [InlineData("Mr Harris said: “We will look again.”\n\n“We owe it to the families.”", "paul-harris|paul-harris")]
    // US style: role words between the quotation and the name, "Dr." with a full stop, a straight quote.
    [InlineData("\"Nobody wanted this,\" board President Joanna Simons said before the vote. \"But we must.\"", "joanna-simons|joanna-simons")]
    [InlineData("“It spreads fast,” county Health Commissioner Dr. Ann Lee said at a briefing.", "ann-lee")]
    [InlineData("Ann Lee scored twice.\n\nLee, 19, who is known as “Tulip”, said she had “just run and hoped”.", "(none)|ann-lee")]
    // Two speakers of the same gender equally likely.
    [InlineData("Ms Thornton told Joanna Simons the plan.\n\nShe said: “It will work.”", "(none)")]
    // A person described through someone named is the subject a pronoun stands for, not the named one.
    [InlineData("Ms Thornton found Mrs Gilbert on the floor. She was taken to hospital.\n\nMrs Gilbert’s daughter later dismissed the account.\n\nShe told the paper: “Nobody came.”", "(none)")]
    [InlineData("Det Supt Paul Harris led the search.\n\nChloe’s mother sat beside him.\n\nShe said: “Please come home.”", "(none)")]
    // Named person who is not a speaker.
    [InlineData("Ms Thornton spoke. Later Mary Jones, a parent, stood up.\n\nShe said: “We were ignored.”", "(none)")]
    public void Pattern(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", Run(text, Stansfeld, Barber, Simons, Harris, Stone, Carter, Thornton, Lee, Police)));
}
