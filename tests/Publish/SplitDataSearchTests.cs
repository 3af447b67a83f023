using CaseRecord.Cli;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>The search index reads a split record's part files: it finds the same paragraphs and figures as from the single file.</summary>
public sealed class SplitDataSearchTests
{
    private static string Indexed(params string[] settings)
    {
        using var project = new TempProject(Repo.Root);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", project.Root, .. settings.SelectMany(s => new[] { "-s", s })]);
        Assert.True(code == 0, stderr.ToString());
        return Assert.Single(stdout.ToString().Split('\n'), l => l.StartsWith("search: indexed", StringComparison.Ordinal));
    }

    [ToolFact(Needs.Pagefind)]
    [Trait("Category", "Slow")]
    public void A_split_record_is_indexed_as_the_single_file_is()
    {
        var whole = Indexed();
        var split = Indexed("DataFileSplitSize=0", "DataFileArticlesPerPart=1");
        Assert.Matches(@"indexed \d+ pages, [1-9]\d* paragraphs and [1-9]\d* figures", whole);
        Assert.Equal(whole, split);
    }
}
