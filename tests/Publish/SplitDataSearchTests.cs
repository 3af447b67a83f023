using CaseRecord.Cli;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>The search index is made from the pages, not the data file: a record whose data is split is indexed exactly as one whose data is a single file.</summary>
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
        Assert.Matches(@"^search: indexed [1-9]\d* pages$", whole.Trim());
        Assert.Equal(whole, split);
    }
}
