using CaseRecord.Cli;
using CaseRecord.Search;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// The search index the generator writes itself (src/Search/Builtin) must be the one Pagefind's
/// program writes from the same pages: each project is built twice, by default and with
/// SearchIndexWrittenByGenerator=false, and the two indexes must dump alike
/// (<see cref="PagefindIndexDump"/>: everything a search reads, without page numbers and hashed file names).
/// </summary>
[Trait("Category", "Slow")]
public sealed class BuiltinIndexTests
{
    [ToolFact(Needs.Pagefind)]
    public void The_repositorys_own_project_is_indexed_as_Pagefind_indexes_it()
    {
        using var project = new TempProject(Repo.Root);
        Same(project, "the repository's project");
    }

    [ToolFact(Needs.Pagefind)]
    public void The_three_sources_site_is_indexed_as_Pagefind_indexes_it()
    {
        using var project = Golden("tests/sites/three-sources");
        Same(project, "tests/sites/three-sources");
    }

    /// <summary>Apostrophes, accents, emoji, CJK, entities, Pagefind's own marks, soft hyphens, zero-width and no-break spaces.</summary>
    [ToolFact(Needs.Pagefind)]
    public void Words_that_are_hard_to_index_are_indexed_as_Pagefind_indexes_them()
    {
        using var project = Golden("tests/sites/search-words");
        Same(project, "tests/sites/search-words");
    }

    private static readonly string[] TitleWords =
        ["café", "O'Neill-Müller", "naïve", "self-driving", "東京都", "rock'n'roll", "e-mail", "ΣΊΣΥΦΟΣ", "10%", "£1.2bn", "x_y_z", "WKWebView", "don’t", "Zürich", "ǅungla", "A.B.C."];

    [ToolFact(Needs.Pagefind)]
    public void A_generated_record_is_indexed_as_Pagefind_indexes_it()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var articles = 5 + random.Next(15);
        using var project = GeneratedProject(random, articles);
        Same(project, $"a generated record of {articles} articles (seed {seed})");
    }

    /// <summary>A record of <paramref name="articles"/> generated articles, their titles made of words hard to index, with the repository's theme.</summary>
    private static TempProject GeneratedProject(Random random, int articles)
    {
        var site = GeneratedArticles.Site();
        for (var n = 0; n < articles; n++)
        {
            var title = string.Join(" ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ => TitleWords[random.Next(TitleWords.Length)]));
            GeneratedArticles.Write(site, random, n, random.Next(n + 1), $"Article {n} {title}");
        }
        var project = new TempProject();
        foreach (var folder in new[] { "input", "seeds" })
            foreach (var path in site.Source.ListFilesRecursive(folder))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(project.PathOf(path))!);
                File.WriteAllBytes(project.PathOf(path), site.Source.ReadAllBytes(path));
            }
        project.Write("statiq.json", "{ \"SiteTitle\": \"Generated\" }\n");
        TempProject.CopyDirectory(Repo.PathOf("theme"), project.PathOf("theme"));
        return project;
    }

    /// <summary>A site of tests/sites with the repository's theme.</summary>
    private static TempProject Golden(string folder)
    {
        var project = new TempProject();
        foreach (var part in new[] { "input", "seeds" })
            TempProject.CopyDirectory(Repo.PathOf($"{folder}/{part}"), project.PathOf(part));
        File.Copy(Repo.PathOf($"{folder}/statiq.json"), project.PathOf("statiq.json"));
        TempProject.CopyDirectory(Repo.PathOf("theme"), project.PathOf("theme"));
        return project;
    }

    private static void Same(TempProject project, string what)
    {
        var written = Build(project, "written", []);
        var program = Build(project, "program", ["-s", "SearchIndexWrittenByGenerator=false"]);
        var pages = Directory.EnumerateFiles(project.PathOf("written"), "index.html", SearchOption.AllDirectories)
            .Count(f => SearchIndexer.Reads(Path.GetRelativePath(project.PathOf("written"), f).Replace(Path.DirectorySeparatorChar, '/')));
        Assert.True(pages > 0, $"{what}: no page to index");
        // The generator wrote this index: had a page sent it to Pagefind's program, the two would be equal trivially.
        Assert.DoesNotContain("Pagefind's program indexes", written);
        Assert.Contains($"search: indexed {pages} pages\n", written.ReplaceLineEndings("\n"));
        Assert.Contains($"search: indexed {pages} pages", program);
        var expected = PagefindIndexDump.Of(project.PathOf("program/pagefind"));
        var actual = PagefindIndexDump.Of(project.PathOf("written/pagefind"));
        Assert.Contains("\nword ", expected);
        Assert.True(expected == actual, $"{what}: the generator's index is not Pagefind's\n{PagefindIndexDump.FirstDifference(expected, actual)}");
        // Both runtimes come from the same program: the search page loads the same files.
        Assert.Equal(Runtime(project.PathOf("program/pagefind")), Runtime(project.PathOf("written/pagefind")));
        // Nothing of the run's own (its scratch folder) is published beside the index.
        Assert.Empty(Directory.EnumerateDirectories(project.PathOf("written"), ".search-*"));
        Assert.Empty(Directory.EnumerateDirectories(project.PathOf("program"), ".search-*"));
    }

    /// <summary>
    /// A theme that weights a heading (data-pagefind-weight, which the generator's reader does not
    /// model) has its index made by Pagefind's program: the build says why, in one line, and the
    /// index is the program's own.
    /// </summary>
    [ToolFact(Needs.Pagefind)]
    public void A_page_the_reader_does_not_model_has_Pagefinds_program_index_the_site()
    {
        using var project = Golden("tests/sites/three-sources");
        var layout = project.PathOf("theme/layouts/article.sbn");
        var text = File.ReadAllText(layout);
        Assert.Contains("<h1", text);
        var at = text.IndexOf("<h1", StringComparison.Ordinal);
        File.WriteAllText(layout, text[..at] + "<h1 data-pagefind-weight=\"3\"" + text[(at + 3)..]);
        var written = Build(project, "written", []);
        Assert.Contains("search: Pagefind's program indexes the pages, since a page has what the generator's own indexer does not read", written);
        Assert.Contains("data-pagefind-weight", written);
        var program = Build(project, "program", ["-s", "SearchIndexWrittenByGenerator=false"]);
        Assert.DoesNotContain("Pagefind's program indexes", program);
        Assert.Equal(PagefindIndexDump.Of(project.PathOf("program/pagefind")), PagefindIndexDump.Of(project.PathOf("written/pagefind")));
        // The weight is the theme's: the article titles weigh 3 × 24, which the generator's reader would not have written.
        Assert.Contains(", 72)", PagefindIndexDump.Of(project.PathOf("written/pagefind")));
        Assert.Empty(Directory.EnumerateDirectories(project.PathOf("written"), ".search-*"));
    }

    /// <summary>
    /// The index is made beside the render once the last page it reads is in, and moved into the
    /// site when the work finishes; a page that comes after all the build said would come has the
    /// index made again, from every page. Either way it is the build's own index.
    /// </summary>
    [ToolFact(Needs.Pagefind)]
    public void An_index_made_before_the_last_page_came_is_made_again_with_it()
    {
        using var project = Golden("tests/sites/three-sources");
        Build(project, "built", []);
        var expected = PagefindIndexDump.Of(project.PathOf("built/pagefind"));
        var pages = SearchIndexer.PagesOf(project.PathOf("built")).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 2, "too few pages to hold one back");
        foreach (var late in new[] { false, true })
        {
            var site = project.PathOf(late ? "late" : "early");
            foreach (var page in pages)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(site, page))!);
                File.Copy(Path.Combine(project.PathOf("built"), page), Path.Combine(site, page));
            }
            var log = new StringWriter();
            using (var run = new SearchIndexer(log).Start(Repo.Root, site))
            {
                // Told of every page but the last; when late, the last comes anyway.
                run.Expect(late ? pages[..^1] : pages);
                foreach (var page in pages) run.Page(page, File.ReadAllText(Path.Combine(site, page)).AsMemory());
                Assert.True(run.Finish(), log.ToString());
            }
            Assert.Contains($"search: indexed {pages.Count} pages", log.ToString());
            var actual = PagefindIndexDump.Of(Path.Combine(site, "pagefind"));
            Assert.True(expected == actual, $"late {late}: not the build's index\n{PagefindIndexDump.FirstDifference(expected, actual)}");
            Assert.Empty(Directory.EnumerateDirectories(site, ".search-*"));
        }
    }

    /// <summary>
    /// While the pages come, the program is asked about the words met so far, round after round,
    /// and the pages those cover have their words' locations made then; what is left is done when
    /// the last page is in. However many rounds, and in whichever order and on whichever threads
    /// the pages come, the index is the same, byte for byte, as the one made in one go at the end.
    /// </summary>
    [ToolFact(Needs.Pagefind)]
    public void Asking_about_the_words_in_rounds_while_the_pages_come_writes_the_same_index()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        using var project = GeneratedProject(random, 12 + random.Next(10));
        Build(project, "built", []);
        var pages = SearchIndexer.PagesOf(project.PathOf("built")).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 12, $"seed {seed}: too few pages for rounds");
        string Index(string name, int? every, bool shuffled)
        {
            var site = project.PathOf(name);
            foreach (var page in pages)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(site, page))!);
                File.Copy(Path.Combine(project.PathOf("built"), page), Path.Combine(site, page));
            }
            var order = shuffled ? [.. pages.OrderBy(_ => random.Next())] : pages;
            var log = new StringWriter();
            using (var run = new SearchIndexer(log) { RoundEvery = every ?? int.MaxValue }.Start(Repo.Root, site))
            {
                run.Expect(pages);
                Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 3 }, page => run.Page(page, File.ReadAllText(Path.Combine(site, page)).AsMemory()));
                Assert.True(run.Finish(), log.ToString());
                // Counted once the rounds are done (the finish waits for the one running).
                var (rounds, located) = ((CaseRecord.Search.Builtin.BuiltinSearchRun)run).Early;
                if (every is null) Assert.Equal((0, 0), (rounds, located));
                else
                {
                    Assert.True(rounds > 0, $"seed {seed}, every {every}: no round asked the program");
                    Assert.True(located > 0, $"seed {seed}, every {every}: no page located early");
                }
            }
            Assert.Contains($"search: indexed {pages.Count} pages", log.ToString());
            Assert.Empty(Directory.EnumerateDirectories(site, ".search-*"));
            return Path.Combine(site, "pagefind");
        }
        var expected = Index("at-the-end", null, false);
        Assert.Equal(Files(project.PathOf("built/pagefind")), Files(expected));
        foreach (var every in new[] { 1, 2, 3 + random.Next(5) })
        {
            var actual = Index($"every-{every}", every, shuffled: true);
            Assert.True(Files(expected).SequenceEqual(Files(actual)),
                $"seed {seed}, a round every {every} pages: the index differs\n{PagefindIndexDump.FirstDifference(PagefindIndexDump.Of(expected), PagefindIndexDump.Of(actual))}");
        }
    }

    /// <summary>Every file of a folder, by path, with its bytes (as text, for a readable difference).</summary>
    private static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")];

    /// <summary>The runtime files (pagefind.js, its WebAssembly, the UI), by name: the index's own files are named by their hashes.</summary>
    private static IReadOnlyList<string> Runtime(string folder) =>
        [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => !f!.StartsWith("pagefind.", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!];

    /// <summary>The build's output (stdout); it must build.</summary>
    private static string Build(TempProject project, string output, string[] settings)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", project.Root, "-o", project.PathOf(output), .. settings]);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        return stdout.ToString();
    }
}
