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
}
