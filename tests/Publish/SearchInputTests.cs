using System.Diagnostics;
using CaseRecord.Cli;
using CaseRecord.Search;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// The build gives Pagefind its pages trimmed to what it reads (src/Search/PagefindInput.cs); the
/// index must be the one Pagefind makes from the pages as published, byte for byte.
/// </summary>
public sealed class SearchInputTests
{
    /// <summary>Every file of an index by path with its bytes (fragments and index chunks are named by their content's hash).</summary>
    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <remarks>Pagefind's program must write the build's index here (by default the generator writes it, checked in <see cref="BuiltinIndexTests"/>).</remarks>
    [ToolFact(Needs.Pagefind)]
    [Trait("Category", "Slow")]
    public void The_index_of_the_trimmed_pages_is_the_index_of_the_published_pages()
    {
        using var project = new TempProject(Repo.Root);
        var output = project.PathOf("site");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(new CommandLine(stdout, stderr).Run(["build", "--root", project.Root, "-o", output, "-s", "SearchIndexWrittenByGenerator=false"]) == 0, stderr.ToString());
        Assert.Contains("search: indexed", stdout.ToString());

        var program = Directory.EnumerateFiles(Repo.PathOf("node_modules/@pagefind"), "pagefind_extended*", SearchOption.AllDirectories)
            .First(f => Path.GetDirectoryName(f)!.EndsWith("bin", StringComparison.Ordinal) && !f.EndsWith(".sha256", StringComparison.Ordinal));
        var untrimmed = project.PathOf("untrimmed");
        var pages = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .Count(f => SearchIndexer.Reads(Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/')));
        Assert.Matches($@"search: indexed {pages} pages", stdout.ToString());
        using (var pagefind = Process.Start(new ProcessStartInfo(program, SearchIndexer.Arguments(output, untrimmed, pages)) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            var said = pagefind.StandardError.ReadToEndAsync();
            pagefind.StandardOutput.ReadToEnd();
            pagefind.WaitForExit();
            Assert.True(pagefind.ExitCode == 0, said.Result);
        }

        var expected = Files(untrimmed);
        var made = Files(Path.Combine(output, "pagefind"));
        Assert.Equal(expected.Keys, made.Keys);
        Assert.Contains(made.Keys, k => k.StartsWith("fragment", StringComparison.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(made[file.Key]), $"{file.Key} differs"));
    }
}
