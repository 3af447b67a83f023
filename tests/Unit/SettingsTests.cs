using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Tests.Unit;

public sealed class SettingsTests
{
    private static (SiteSettings Settings, Diagnostic[] Diagnostics) Load(string json, Dictionary<string, string>? overrides = null)
    {
        var source = new MemoryContentSource().Add("statiq.json", json);
        var diagnostics = new DiagnosticList();
        var settings = SettingsLoader.Load(source, overrides ?? [], diagnostics);
        return (settings, [.. diagnostics.ToImmutable()]);
    }

    [Fact]
    public void Statiq_names_are_read_and_command_line_settings_win()
    {
        var (s, d) = Load("{ \"SiteTitle\": \"T\", \"Host\": \"h.example\", \"LinkRoot\": \"case-record/\", \"LinksUseHttps\": false, \"LinkHideIndexPages\": false }",
            new() { ["SiteTitle"] = "From the command line" });
        Assert.Empty(d);
        Assert.Equal("From the command line", s.SiteTitle);
        Assert.Equal("h.example", s.Host);
        Assert.Equal("/case-record", s.LinkRoot);
        Assert.False(s.LinksUseHttps);
        Assert.False(s.LinkHideIndexPages);
    }

    [Fact]
    public void A_json_syntax_error_gives_line_and_column()
    {
        var (_, d) = Load("{\n  \"SiteTitle\": \"x\"\n  \"Host\": \"y\"\n}");
        var e = Assert.Single(d);
        Assert.Equal("statiq.json", e.At.Path);
        Assert.Equal(3, e.At.Line);
        Assert.StartsWith("statiq.json is not valid JSON", e.Message);
    }

    [Fact]
    public void A_wrong_type_is_an_error_where_the_key_is_written()
    {
        var (_, d) = Load("{\n  \"SiteTitle\": 12,\n  \"LinksUseHttps\": \"yes\"\n}");
        Assert.Equal(2, d.Length);
        Assert.Equal(new SourcePosition("statiq.json", 2, 3), d[0].At);
        Assert.Contains("'SiteTitle' must be a string, not a number", d[0].Message);
        Assert.Contains("'LinksUseHttps' must be true or false", d[1].Message);
    }

    [Fact]
    public void An_unknown_setting_that_looks_like_a_typo_is_a_warning_with_the_right_name()
    {
        var (s, d) = Load("{ \"SiteTitel\": \"x\", \"Analytics\": \"kept for templates\" }");
        var w = Assert.Single(d);
        Assert.False(w.IsError);
        Assert.Contains("did you mean 'SiteTitle'", w.Message);
        Assert.Equal("kept for templates", s.Extra["Analytics"]);
    }

    [Fact]
    public void A_bad_boolean_on_the_command_line_names_the_setting()
    {
        var (_, d) = Load("{}", new() { ["LinksUseHttps"] = "maybe" });
        var e = Assert.Single(d);
        Assert.Equal("--setting LinksUseHttps", e.At.Path);
        Assert.Contains("must be true or false, not 'maybe'", e.Message);
    }

    [Fact]
    public void Quote_marks_are_double_unless_set_and_the_command_line_wins()
    {
        Assert.Equal(QuoteMarks.Double, Load("{}").Settings.QuoteMarks);
        var (s, d) = Load("{ \"QuoteMarks\": \"single\" }");
        Assert.Empty(d);
        Assert.Equal(QuoteMarks.Single, s.QuoteMarks);
        Assert.Equal(QuoteMarks.Both, Load("{ \"QuoteMarks\": \"single\" }", new() { ["QuoteMarks"] = "Both" }).Settings.QuoteMarks);
        Assert.Equal(QuoteMarks.Double, Load("{ \"QuoteMarks\": \"single\" }", new() { ["quotemarks"] = "double" }).Settings.QuoteMarks);
    }

    [Fact]
    public void Any_other_quote_marks_are_an_error_where_the_setting_is_written()
    {
        var (s, d) = Load("{\n  \"SiteTitle\": \"x\",\n  \"QuoteMarks\": \"curly\"\n}");
        var e = Assert.Single(d);
        Assert.True(e.IsError);
        Assert.Equal(new SourcePosition("statiq.json", 3, 3), e.At);
        Assert.Equal("setting 'QuoteMarks' must be double, single or both, not 'curly'", e.Message);
        Assert.Equal(QuoteMarks.Double, s.QuoteMarks);

        var (_, fromCommandLine) = Load("{}", new() { ["QuoteMarks"] = "1" });
        Assert.Equal("--setting QuoteMarks", Assert.Single(fromCommandLine).At.Path);
        Assert.Contains("'QuoteMarks' must be a string", Assert.Single(Load("{ \"QuoteMarks\": 2 }").Diagnostics).Message);
    }

    [Fact]
    public void The_quote_marks_are_part_of_what_decides_a_kept_analysis_is_still_good()
    {
        var project = new MemoryContentSource().Add("statiq.json", "{}");
        string ContextKey(string marks) =>
            new ContentLoader(project, new Dictionary<string, string> { ["QuoteMarks"] = marks }).Load().ContextFingerprint;
        Assert.Equal(ContextKey("double"), new ContentLoader(project, new Dictionary<string, string>()).Load().ContextFingerprint);
        Assert.NotEqual(ContextKey("double"), ContextKey("single"));
        Assert.NotEqual(ContextKey("single"), ContextKey("both"));
    }

    [Fact]
    public void A_build_finds_quotations_in_the_marks_its_settings_name()
    {
        var site = new Support.TestSite(withTheme: false)
            .Seed("a.txt", "Intro.\n\nSara Thornton said: ‘We failed the girls’ families.’")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\n");
        Assert.Equal(0, site.Build().Result.Stats.Quotations);
        Assert.Equal(1, site.Build(new Dictionary<string, string> { ["QuoteMarks"] = "single" }).Result.Stats.Quotations);
    }
}
