using CaseRecord.Cli;
using CaseRecord.Diagnostics;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Cli;

/// <summary>
/// Many warnings of a kind are printed as one line with a count and the first places; --verbose
/// prints every one, --warnings FILE writes every one; a few are printed whole as always.
/// </summary>
public sealed class WarningSummaryTests
{
    // Twelve misspelt settings (one kind) and a misspelt front-matter key (another, found once).
    private static readonly string[] Misspelt =
        ["SiteTitel", "SiteTitl", "SiteTitlee", "SiteTitla", "SiteTitles", "SiteTtle", "SitTitle", "SiteTitle2", "SiteTitle3", "SiteTitle4", "SiteTitle5", "SiteTitle6"];

    private static TempProject Noisy()
    {
        var project = new TempProject(Repo.Root);
        var settings = project.PathOf("statiq.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"Host\"", string.Concat(Misspelt.Select(k => $"\"{k}\": \"x\",\n  ")) + "\"Host\""));
        var article = project.PathOf("input/articles/thornton-refuses-responsibility.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace("publisher: Oxford Mail", "publisher: Oxford Mail\npublsher: Oxford Mail"));
        return project;
    }

    private static (int Code, string Out, string Err) Run(TempProject project, params string[] more)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", project.Root, "-s", "SearchIndex=false", .. more]);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Many_warnings_of_a_kind_are_one_line_with_a_count_and_the_first_three_places()
    {
        using var project = Noisy();
        var (code, output, errors) = Run(project);

        Assert.True(code == 0, errors);
        var lines = Lines(errors);
        Assert.Equal(3, lines.Length);
        Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^warning: 12 × unknown setting; first: statiq\.json:\d+:\d+, statiq\.json:\d+:\d+, statiq\.json:\d+:\d+, …$"));
        Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^input/articles/thornton-refuses-responsibility\.md:\d+:\d+: warning: unknown key 'publsher': did you mean 'publisher'\?$"));
        Assert.Equal("(13 warnings and notes of 2 kinds in all: --verbose lists every one, --warnings FILE writes them to FILE)", lines[2]);
        Assert.DoesNotContain("SiteTitle6", errors);
        Assert.Contains("13 warnings.", output);
    }

    [Fact]
    public void Verbose_lists_every_warning()
    {
        using var project = Noisy();
        var (code, _, errors) = Run(project, "--verbose");

        Assert.True(code == 0, errors);
        var lines = Lines(errors);
        Assert.Equal(13, lines.Length);
        foreach (var key in Misspelt) Assert.Single(lines, l => l.Contains($"unknown setting '{key}'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_warnings_file_holds_every_line_while_the_console_and_the_up_to_date_build_summarise()
    {
        using var project = Noisy();
        var file = project.PathOf("warnings.txt");
        var verbose = Lines(Run(project, "--verbose", "--force").Err);

        var first = Run(project, "--warnings", file);
        var written = File.ReadAllLines(file);
        File.Delete(file);
        var again = Run(project, "--warnings", file);

        Assert.True(first.Code == 0, first.Err);
        Assert.Equal(verbose, written);
        Assert.Equal(3, Lines(first.Err).Length);
        Assert.StartsWith("Up to date", again.Out);
        Assert.Equal(first.Err, again.Err);
        Assert.Equal(written, File.ReadAllLines(file));
    }

    [Fact]
    public void A_kind_not_given_is_the_message_without_its_names_and_numbers()
    {
        Assert.Equal("the number … in … is not covered; add one to '…'",
            DiagnosticKind.Of("the number 1,561 in p3 is not covered; add one to 'figures:'"));
        Assert.Equal("link in … to \"…\"", DiagnosticKind.Of("link in input/articles/a.md to \"x y\""));
        var summary = new WarningSummary([.. Enumerable.Range(1, 11).Select(i => Diagnostic.Warning(new SourcePosition("a.md", i, 1), $"figure {i} is odd"))]);
        Assert.True(summary.Summarised);
        Assert.Equal(["warning: 11 × figure … is odd; first: a.md:1:1, a.md:2:1, a.md:3:1, …"], summary.Lines());
        Assert.Equal(11, summary.Lines(all: true).Count());
    }
}
