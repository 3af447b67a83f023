using CaseRecord.Cli;
using CaseRecord.Output;
using CaseRecord.Search;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// A build hands its pages to the search index as it writes them (src/Search/SearchRun.cs), in
/// whatever order the render threads make them, and parts of the index start as their pages come
/// in. The index must be the one made from the finished site on disk, byte for byte, whatever the
/// order; and a run whose Pagefind fails fails the build, leaving the last output as it was.
/// </summary>
public sealed class SearchRunTests : IDisposable
{
    private readonly TempProject _project = new(Repo.Root);
    private readonly string _site;
    private readonly List<string> _pages;

    public SearchRunTests()
    {
        _site = _project.PathOf("site");
        var stderr = new StringWriter();
        Assert.True(new CommandLine(new StringWriter(), stderr).Run(["build", "--root", _project.Root, "-o", _site, "-s", "SearchIndex=false"]) == 0, stderr.ToString());
        _pages = [.. Directory.EnumerateFiles(_site, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(SearchIndexer.Reads)
            .Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _project.Dispose();

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static string Program() =>
        Directory.EnumerateFiles(Repo.PathOf("node_modules/@pagefind"), "pagefind_extended*", SearchOption.AllDirectories)
            .First(f => Path.GetDirectoryName(f)!.EndsWith("bin", StringComparison.Ordinal) && !f.EndsWith(".sha256", StringComparison.Ordinal));

    /// <summary>A copy of the site's pages, indexed by the plain path: the pages read back from disk.</summary>
    private SortedDictionary<string, byte[]> FromDisk(int perIndex)
    {
        var copy = _project.PathOf($"disk-{perIndex}");
        foreach (var page in _pages)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, page))!);
            File.Copy(Path.Combine(_site, page), Path.Combine(copy, page));
        }
        var log = new StringWriter();
        // Pagefind's program writes the index here (in parts past perIndex pages), as SearchRun does.
        Assert.True(new SearchIndexer(log, perIndex, written: false).Run(copy, Repo.Root), log.ToString());
        return Files(Path.Combine(copy, "pagefind"));
    }

    /// <summary>The same pages handed to a run from several threads in a shuffled order, told what will come or not.</summary>
    private (SortedDictionary<string, byte[]> Index, string Log) Streamed(int perIndex, int seed, bool expect, IEnumerable<string>? extra = null)
    {
        var target = _project.PathOf($"streamed-{perIndex}-{seed}-{expect}");
        Directory.CreateDirectory(target);
        var log = new StringWriter();
        using (var run = new SearchRun(Program(), target, log, perIndex, default))
        {
            if (expect) run.Expect([.. _pages, .. extra ?? [], "index.html", "figures/x/index.html"]);
            var random = new Random(seed);
            var order = _pages.OrderBy(_ => random.Next()).ToList();
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 3 }, page =>
                run.Page(page, File.ReadAllText(Path.Combine(_site, page)).AsMemory()));
            Assert.True(run.Finish(), log.ToString());
        }
        Assert.Empty(Directory.EnumerateDirectories(target, ".search-*"));
        return (Files(Path.Combine(target, "pagefind")), log.ToString());
    }

    private static void Same(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> made)
    {
        Assert.Equal(expected.Keys, made.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(made[file.Key]), $"{file.Key} differs"));
    }

    [ToolFact(Needs.Pagefind)]
    [Trait("Category", "Slow")]
    public void Pages_handed_on_in_any_order_make_the_index_the_site_on_disk_makes()
    {
        Assert.True(_pages.Count >= 5, $"the seed site has {_pages.Count} pages to index");
        var whole = FromDisk(1000);
        Assert.DoesNotContain(whole.Keys, k => k.StartsWith("parts", StringComparison.Ordinal));
        var parted = FromDisk(2);
        Assert.Contains(SearchIndexer.PartsFile, parted.Keys);
        Assert.Contains(parted.Keys, k => k.StartsWith("parts/2/fragment/", StringComparison.Ordinal));
        foreach (var seed in new[] { 1, 2, 3 })
        {
            Same(whole, Streamed(1000, seed, expect: true).Index);
            var (index, log) = Streamed(2, seed, expect: true);
            Same(parted, index);
            Assert.Contains($"search: indexed {_pages.Count} pages in {(_pages.Count + 1) / 2} indexes of at most 2", log);
            // Told nothing beforehand, the run cuts the same parts once every page is in.
            Same(parted, Streamed(2, seed, expect: false).Index);
        }
    }

    [ToolFact(Needs.Pagefind)]
    [Trait("Category", "Slow")]
    public void A_page_expected_that_never_comes_holds_nothing_up_and_no_page_that_came_is_left_out()
    {
        // The missing page falls in the first part: that part is made at the end with the page that did come.
        var (index, log) = Streamed(2, 1, expect: true, extra: ["articles/0-never/index.html"]);
        Assert.Contains($"search: indexed {_pages.Count} pages", log);
        var parts = index.Keys.Count(k => k.EndsWith(".pf_meta", StringComparison.Ordinal));
        Assert.Equal((_pages.Count + 2) / 2, parts);
    }

    [Fact]
    public void A_failed_Pagefind_fails_the_build_and_leaves_the_last_output_as_it_was()
    {
        if (OperatingSystem.IsWindows()) return; // the stand-in program is a shell script
        var failing = _project.PathOf("failing-pagefind");
        File.WriteAllText(failing, "#!/bin/sh\necho 'it broke' >&2\nexit 3\n");
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = _project.PathOf("out");
        new DirectorySink(output).Write([new OutputFile("index.html", "before"u8.ToArray())]);
        var log = new StringWriter();
        var sink = new DirectorySink(output) { Completion = staged => new SearchRun(failing, staged, log, 2, default) };
        var pages = _pages.Select(p => new OutputFile(p, File.ReadAllBytes(Path.Combine(_site, p)))).Append(new OutputFile("index.html", "after"u8.ToArray())).ToList();
        var e = Assert.Throws<IOException>(() => sink.Write(pages));
        Assert.Contains("could not be completed", e.Message);
        Assert.Contains("error: search indexing failed: it broke", log.ToString());
        Assert.Equal("before", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(output)!, ".out.new-*"));
    }
}
