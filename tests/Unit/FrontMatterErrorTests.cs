using CaseRecord.Diagnostics;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>Content errors name the file, line and column an editor must fix, and fail the build.</summary>
public sealed class FrontMatterErrorTests
{
    private const string Seed = "Ms Thornton said: “We failed 26 girls.”\n\nThe review counted 1,561 contacts.";

    private static TestSite Site(string articleYaml, string seed = Seed) =>
        new TestSite()
            .Seed("a.txt", seed)
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", articleYaml);

    private static Diagnostic SingleError(TestSite site)
    {
        var (result, output) = site.Build();
        Assert.False(result.Succeeded);
        Assert.Empty(output.Files);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Malformed_yaml_points_at_its_line_in_the_file()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nspeakers: [sara-thornton\n"));
        Assert.Equal("input/articles/a.md", e.At.Path);
        Assert.InRange(e.At.Line, 4, 5);
        Assert.StartsWith("malformed YAML", e.Message);
    }

    [Fact]
    public void Tabs_for_indentation_are_malformed_yaml_with_a_position()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n\t- id: x\n"));
        Assert.Equal("input/articles/a.md", e.At.Path);
        Assert.Equal(5, e.At.Line);
    }

    // Year zero, days and months past their end, five-digit and negative years, short forms.
    public static TheoryData<string> NotDates => new(["0000-01-15", "0000-00-00", "0000-01", "0000", "9999-12-32", "2015-02-29", "2015-13",
        "10000", "10000-01-01", "-2015", "-0001-01-01", "2015-1-5", "15"]);

    [Theory]
    [MemberData(nameof(NotDates))]
    public void A_published_date_out_of_range_is_an_error_at_its_value(string published)
    {
        var e = SingleError(Site($"title: A\nsource: seeds/a.txt\npublished: \"{published}\"\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 4, 12), e.At);
        Assert.Equal($"'published' must be a date as YYYY-MM-DD, YYYY-MM or YYYY, from year 0001 to 9999, not '{published}'", e.Message);
    }

    [Theory]
    [InlineData("0001-01-01"), InlineData("9999-12-31"), InlineData("2016-02-29"), InlineData("2015-03"), InlineData("2015")]
    public void A_published_date_from_year_1_to_9999_is_read(string published)
    {
        var (result, _) = Site($"title: A\nsource: seeds/a.txt\npublished: {published}\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Missing_required_key_is_named()
    {
        var e = SingleError(Site("source: seeds/a.txt\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 1, 1), e.At);
        Assert.Contains("missing required key 'title'", e.Message);
    }

    [Fact]
    public void Keys_are_case_insensitive_and_duplicates_across_case_are_errors()
    {
        var (ok, _) = Site("Title: A\nSOURCE: seeds/a.txt\n").Build();
        Assert.True(ok.Succeeded, string.Join("\n", ok.Diagnostics));
        var e = SingleError(Site("title: A\nTitle: B\nsource: seeds/a.txt\n"));
        Assert.Equal(3, e.At.Line);
        Assert.Contains("duplicate key 'Title'", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void A_duplicate_key_inside_an_unknown_key_is_an_error_not_a_crash()
    {
        // Found by the front-matter property test (seed bv1eq1ARCOU1): an unknown key is kept for
        // templates, and keeping a mapping with a key given twice threw.
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nextra:\n  - id: x\n    ID: y\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 6, 5), e.At);
        Assert.Contains("duplicate key 'ID'", e.Message);
    }

    [Fact]
    public void Unknown_speaker_slug_points_at_the_list_item()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nspeakers:\n  - sara-thornton\n  - nobody-known\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 6, 5), e.At);
        Assert.Contains("unknown speaker 'nobody-known'", e.Message);
    }

    [Fact]
    public void Match_not_in_the_text_points_at_the_match_value()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: contacts\n    label: Contacts\n    match: 1,562 contacts\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 7, 12), e.At);
        Assert.Contains("is not in the text of seeds/a.txt", e.Message);
    }

    [Fact]
    public void Repeated_match_without_occurrence_is_an_error_and_occurrence_picks_one()
    {
        const string seed = "Ms Thornton said 26 were found.\n\nLater 26 more.";
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n", seed));
        Assert.Contains("occurs 2 times (p1, p2)", e.Message);
        var (ok, _) = Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n    occurrence: 2\n", seed).Build();
        Assert.True(ok.Succeeded, string.Join("\n", ok.Diagnostics));
    }

    [Fact]
    public void Duplicate_figure_ids_name_both_places()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n  - id: n\n    label: M\n    match: \"1,561\"\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 8, 9), e.At);
        Assert.Contains("also at input/articles/a.md:5:9", e.Message);
    }

    [Fact]
    public void Duplicate_figure_ids_across_articles_name_both_files()
    {
        var site = Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n")
            .Article("b", "title: B\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"1,561\"\n");
        var e = SingleError(site);
        Assert.Contains("input/articles/", e.At.Path);
        Assert.Contains("also at input/articles/", e.Message);
        Assert.NotEqual(e.At.Path, e.Message[(e.Message.IndexOf("also at ", StringComparison.Ordinal) + 8)..].Split(':')[0]);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("input/articles/a.md")]
    [InlineData("seeds/../statiq.json")]
    public void Source_outside_seeds_is_refused(string source)
    {
        var e = SingleError(Site($"title: A\nsource: \"{source}\"\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 3, 9), e.At);
        Assert.Contains("inside seeds/", e.Message);
    }

    [Fact]
    public void Missing_source_file_is_an_error()
    {
        var e = SingleError(Site("title: A\nsource: seeds/missing.txt\n"));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Sha256_mismatch_gives_the_files_real_hash()
    {
        var wrong = new string('0', 64);
        var e = SingleError(Site($"title: A\nsource: seeds/a.txt\nsha256: {wrong}\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 4, 9), e.At);
        Assert.Contains(TestSite.Sha256(Seed), e.Message);
    }

    [Fact]
    public void Matching_sha256_builds()
    {
        var (ok, _) = Site($"title: A\nsource: seeds/a.txt\nsha256: {TestSite.Sha256(Seed)}\n").Build();
        Assert.True(ok.Succeeded, string.Join("\n", ok.Diagnostics));
    }

    [Fact]
    public void Invalid_utf8_source_reports_the_byte_offset()
    {
        var site = Site("title: A\nsource: seeds/a.txt\n");
        site.Source.Add("seeds/a.txt", [(byte)'O', (byte)'k', (byte)'\n', 0xC3, 0x28]);
        var e = SingleError(site);
        Assert.Equal(new SourcePosition("seeds/a.txt", 2, 1), e.At);
        Assert.Contains("byte offset 3", e.Message);
    }

    [Fact]
    public void No_front_matter_and_unterminated_front_matter_are_errors()
    {
        var none = new TestSite().Seed("a.txt", Seed).File("input/articles/a.md", "title: A\n");
        Assert.Contains("no front matter", SingleError(none).Message);
        var open = new TestSite().Seed("a.txt", Seed).File("input/articles/a.md", "---\ntitle: A\n");
        Assert.Contains("not closed", SingleError(open).Message);
    }

    [Fact]
    public void Wrong_types_are_reported_where_written()
    {
        var e = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures: 3\n"));
        Assert.Equal(new SourcePosition("input/articles/a.md", 4, 10), e.At);
        Assert.Contains("'figures' must be a list", e.Message);
        var e2 = SingleError(Site("title: [A, B]\nsource: seeds/a.txt\n"));
        Assert.Contains("'title' must be text, not a list", e2.Message);
    }

    [Fact]
    public void Of_naming_no_figure_and_of_cycles_are_errors()
    {
        var unknown = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n    of: nothing\n"));
        Assert.Contains("'of' names no figure 'nothing'", unknown.Message);
        Assert.Equal(8, unknown.At.Line);
        var cycle = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: a\n    label: A\n    match: \"26\"\n    of: b\n  - id: b\n    label: B\n    match: \"1,561\"\n    of: a\n"));
        Assert.Contains("cycle", cycle.Message);
    }

    [Fact]
    public void Bad_slugs_are_errors()
    {
        var site = new TestSite().Seed("a.txt", Seed).File("input/articles/Bad_Name.md", "---\ntitle: A\nsource: seeds/a.txt\n---\n");
        Assert.Contains("not a valid slug", SingleError(site).Message);
        var figure = SingleError(Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: Not OK\n    label: N\n    match: \"26\"\n"));
        Assert.Contains("figure id 'Not OK' is not a valid slug", figure.Message);
    }

    [Fact]
    public void Every_error_of_a_build_is_reported_in_one_run()
    {
        var site = Site("title: A\nsource: seeds/a.txt\nspeakers: [ghost]\nfigures:\n  - id: n\n    label: N\n    match: absent words\n")
            .Article("b", "source: seeds/a.txt\n");
        var (result, output) = site.Build();
        Assert.Equal(3, result.ErrorCount);
        Assert.Empty(output.Files);
    }

    [Fact]
    public void Unknown_key_that_looks_like_a_typo_is_a_warning_with_a_suggestion()
    {
        var (result, _) = Site("title: A\nsource: seeds/a.txt\nspeakres: [sara-thornton]\n").Build();
        Assert.True(result.Succeeded);
        var w = Assert.Single(result.Diagnostics, d => d.Message.Contains("speakres"));
        Assert.Contains("did you mean 'speakers'", w.Message);
        Assert.Equal(4, w.At.Line);
    }

    [Fact]
    public void Numbers_no_figure_covers_are_warnings_at_their_place_in_the_seed()
    {
        var (result, _) = Site("title: A\nsource: seeds/a.txt\nfigures:\n  - id: n\n    label: N\n    match: \"26\"\n").Build();
        Assert.True(result.Succeeded);
        var w = Assert.Single(result.Diagnostics, d => d.Message.Contains("1,561"));
        Assert.Equal(new SourcePosition("seeds/a.txt", 3, 20), w.At);
    }

    [Fact]
    public void Diagnostics_print_as_path_line_column_severity_message()
    {
        var e = SingleError(Site("source: seeds/a.txt\n"));
        Assert.Equal("input/articles/a.md:1:1: error: missing required key 'title' (the headline)", e.ToString());
    }
}
