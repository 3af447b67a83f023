using System.Text.RegularExpressions;
using CaseRecord.Authoring;
using CaseRecord.Cli;
using CaseRecord.Content;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Cli;

/// <summary>
/// <c>new article|speaker|organisation</c>, run in-process on copies of the project: what each
/// writes builds as it is, holds what the text suggests, and no existing file is ever overwritten.
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private const string Seed = "seeds/000_fbf6e240cee8247d.txt";
    private const string Drafted = "input/articles/chief-constable-sara-thornton-yesterday-refused.md";
    private readonly TempProject _project = new(Repo.Root);

    /// <summary>The seed with no article yet, as an editor finds a new source text.</summary>
    public NewCommandTests() => File.Delete(_project.PathOf("input/articles/thornton-refuses-responsibility.md"));

    public void Dispose() => _project.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run([.. args, "--root", _project.Root]);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A build to disk (without the search index, which is not in question), asserted to have no error.</summary>
    private string BuildsWithoutErrors()
    {
        var (code, output, errors) = Run("build", "-s", "SearchIndex=false");
        Assert.True(code == 0, errors + output);
        Assert.DoesNotContain(": error: ", errors + output);
        return output;
    }

    private string Text(string relative) => File.ReadAllText(_project.PathOf(relative));

    [Fact]
    public void The_article_drafted_for_the_seed_builds_as_made_and_holds_the_suggestions()
    {
        var (code, output, errors) = Run("new", "article", Seed);
        Assert.True(code == 0, errors);
        Assert.StartsWith($"Wrote {Drafted}: 19 paragraphs, 1 suggested omission, 1 speaker of the record quoted", output);

        var text = Text(Drafted);
        Assert.Contains($"source: {Seed}\n", text);
        Assert.Contains("sha256: a410e803e0178a2e61daa82a20895c39fca1de7c21fed7e6a3934a858f1a954c\n", text);
        Assert.Matches(@"(?m)^title: ""CHIEF constable Sara Thornton yesterday refused .*"" +# TO EDIT", text);
        Assert.Contains("# The text has 19 paragraphs, p1 to p19.", text);
        // Page furniture as an omission, with why; the speaker attribution reaches, with her paragraphs.
        Assert.Matches(@"(?m)^omit:\n  - ""Our top stories"" +# p5: short, with no closing punctuation$", text);
        Assert.Matches(@"(?m)^speakers: \[sara-thornton\] +# sara-thornton in p6, p8, ", text);
        // The numbers, commented out, each with words that occur once.
        Assert.Matches(@"(?m)^  # - id: recorded-contacts\n  #   label: ""Recorded contacts"" .*\n  #   match: ""1,561 recorded contacts"" +# p3$", text);
        Assert.Matches(@"(?m)^  #   kind: duration\n  #   match: ""10 years ago""", text);
        Assert.Matches(@"(?m)^  #   kind: year\n  #   match: ""chief constable in 2007""", text);

        var built = BuildsWithoutErrors();
        Assert.Contains("1 article, 0 figures, 1 speaker", built);
        Assert.True(File.Exists(_project.PathOf("output/articles/chief-constable-sara-thornton-yesterday-refused/index.html")));
    }

    [Fact]
    public void Every_figure_suggested_is_located_once_uncommented()
    {
        Assert.Equal(0, Run("new", "article", Seed, "--slug", "thornton").Code);
        var path = "input/articles/thornton.md";
        var suggested = Regex.Matches(Text(path), @"(?m)^  # - id: ").Count;
        Assert.Equal(9, suggested);
        _project.Write(path, Regex.Replace(Text(path), @"(?m)^  # (- |  )", "  $1"));

        var built = BuildsWithoutErrors();
        Assert.Contains($"1 article, {suggested} figures", built);
        // Every number of the text is then covered by a figure.
        Assert.DoesNotContain("is not covered by any key figure", built);
    }

    [Fact]
    public void Figures_of_money_shares_and_repeated_words_are_located_once_uncommented()
    {
        _project.Write("seeds/budget.txt", "The council will spend £2.3m on drains.\n\nOnly 15% of drains were cleared.\n\n" +
            "There were 26 complaints.\n\nThere were 26 complaints.\n\nAdvertisement\n\nAdvertisement\n\nWork begins on 12 February 2022 and ends in May 2023.\n");
        Assert.Equal(0, Run("new", "article", "seeds/budget.txt").Code);
        var text = Text("input/articles/budget.md");
        Assert.Matches(@"(?m)^  #   kind: money\n  #   match: ""£2.3m on drains""", text);
        Assert.Matches(@"(?m)^  #   kind: percent\n  #   match: ""15% of drains""", text);
        // The same words twice: each is told apart by its occurrence, and the ids differ.
        Assert.Matches(@"(?m)^  # - id: complaints\n.*\n  #   match: ""26 complaints"" +# p3\n  #   occurrence: 1$", text);
        Assert.Matches(@"(?m)^  # - id: complaints-2\n.*\n  #   match: ""26 complaints"" +# p4\n  #   occurrence: 2$", text);
        // A date written out is one figure of kind date, not a count and a year.
        Assert.Matches(@"(?m)^  # - id: 12-february-2022\n.*\n  #   kind: date\n  #   match: ""12 February 2022"" +# p7\n  # - id: may-2023\n", text);
        // Furniture given twice is one omission, which leaves out both.
        Assert.Single(Regex.Matches(text, @"(?m)^  - ""Advertisement"" +# p5, p6: "));
        _project.Write("input/articles/budget.md", Regex.Replace(text, @"(?m)^  # (- |  )", "  $1"));
        Assert.Contains("1 article, 6 figures", BuildsWithoutErrors());
    }

    [Fact]
    public void A_name_quoted_with_no_speaker_file_is_listed_with_the_command_that_makes_one()
    {
        File.Delete(_project.PathOf("input/speakers/sara-thornton.md"));
        Assert.Equal(0, Run("new", "article", Seed, "--slug", "thornton").Code);
        var text = Text("input/articles/thornton.md");
        Assert.DoesNotContain("\nspeakers:", text);
        Assert.Matches(@"(?m)^#   dotnet run -- new speaker ""Sara Thornton"" +# p6, p8, ", text);
        BuildsWithoutErrors();

        // The command given makes the file whose slug then attributes her quotations.
        var (code, output, _) = Run("new", "speaker", "Sara Thornton");
        Assert.Equal(0, code);
        Assert.Equal("Wrote input/speakers/sara-thornton.md (speaker 'sara-thornton').", output.Trim());
        File.Delete(_project.PathOf("input/articles/thornton.md"));
        Assert.Equal(0, Run("new", "article", Seed, "--slug", "thornton").Code);
        Assert.Contains("\nspeakers: [sara-thornton]", Text("input/articles/thornton.md"));
    }

    [Fact]
    public void An_existing_article_is_never_overwritten()
    {
        Assert.Equal(0, Run("new", "article", Seed).Code);
        var before = File.ReadAllBytes(_project.PathOf(Drafted));
        var (code, output, errors) = Run("new", "article", Seed);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: {Drafted} already exists; it is left as it is (give another name or slug, or edit that file)", errors.Trim());
        Assert.Equal(before, File.ReadAllBytes(_project.PathOf(Drafted)));

        // Nor one the editor wrote, named by --slug.
        _project.Write("input/articles/mine.md", "mine");
        Assert.Equal(1, Run("new", "article", Seed, "--slug", "mine").Code);
        Assert.Equal("mine", Text("input/articles/mine.md"));
    }

    [Fact]
    public void The_slug_comes_from_the_seed_name_when_it_has_words()
    {
        _project.Write("seeds/council-flood-plan.txt", "Flood plan: council acts\n\nThe council said: “We will act on the 12 reports.”\n\nRead our comment policy\n");
        var (code, output, errors) = Run("new", "article", "seeds/council-flood-plan.txt");
        Assert.True(code == 0, errors);
        Assert.StartsWith("Wrote input/articles/council-flood-plan.md: 3 paragraphs, 1 suggested omission", output);
        var text = Text("input/articles/council-flood-plan.md");
        // The title is quoted, so its colon is not YAML's.
        Assert.Contains("title: \"Flood plan: council acts\"", text);
        Assert.Contains("  - \"Read our comment policy\"   # p3:", text);
        BuildsWithoutErrors();
    }

    [Theory]
    [InlineData("seeds/nothing.txt", "error: source text 'seeds/nothing.txt' does not exist")]
    [InlineData("statiq.json", "error: 'source' must be a path inside seeds/")]
    public void A_seed_that_is_not_there_is_a_usage_error(string seed, string expected)
    {
        var (code, _, errors) = Run("new", "article", seed);
        Assert.Equal(2, code);
        Assert.StartsWith(expected, errors);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.False(Directory.EnumerateFiles(_project.PathOf("input/articles")).Any());
    }

    [Fact]
    public void An_invalid_slug_is_a_usage_error()
    {
        var (code, _, errors) = Run("new", "article", Seed, "--slug", "Bad_Slug");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --slug 'Bad_Slug' is not a valid slug", errors);
    }

    [Fact]
    public void Speaker_and_organisation_files_have_the_slug_of_the_name_and_build()
    {
        Assert.Equal(0, Run("new", "article", Seed).Code);
        Assert.Equal(0, Run("new", "speaker", "Zoë O’Brien-Łukasz").Code);
        Assert.Equal(0, Run("new", "organisation", "Crown Court at Oxford").Code);

        Assert.StartsWith("---\nname: \"Zoë O’Brien-Łukasz\"\n", Text("input/speakers/zoe-obrien-lukasz.md"));
        Assert.StartsWith("---\nname: \"Crown Court at Oxford\"\n", Text("input/organisations/crown-court-at-oxford.md"));
        var built = BuildsWithoutErrors();
        Assert.Contains("2 speakers", built);

        var before = Text("input/organisations/thames-valley-police.md");
        var (code, _, errors) = Run("new", "organisation", "Thames Valley Police");
        Assert.Equal(1, code);
        Assert.StartsWith("error: input/organisations/thames-valley-police.md already exists", errors);
        Assert.Equal(before, Text("input/organisations/thames-valley-police.md"));
        Assert.Equal(1, Run("new", "speaker", "Zoe O'Brien Lukasz").Code);
        Assert.Equal(2, Run("new", "speaker", "—").Code);
    }

    [Theory]
    [InlineData("Sara Thornton", "sara-thornton")]
    [InlineData("  Zoë   O’Brien-Łukasz ", "zoe-obrien-lukasz")]
    [InlineData("Thames Valley Police (TVP)", "thames-valley-police-tvp")]
    [InlineData("Straße & Søn", "strasse-son")]
    [InlineData("National Police Chiefs’ Council", "national-police-chiefs-council")]
    public void A_slug_is_the_name_folded_to_ascii_in_lower_case_with_hyphens(string name, string slug)
    {
        Assert.Equal(slug, SlugMaker.From(name));
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void Furniture_is_a_short_unpunctuated_line_or_the_pages_own_words()
    {
        string[] texts = [
            "Breaking headline with no stop", "The council met on Monday.", "Our top stories", "Comments are closed for this article.",
            "Read our comment policy", "She said: “Yes”", "A longer line of the story that simply has no closing stop at the end",
        ];
        var paragraphs = texts.Select((t, i) => new Paragraph(i + 1, 0, t, false));
        Assert.Equal([3, 4, 5], FurnitureLines.Find(paragraphs).Select(f => f.Paragraph.Number));
    }
}
