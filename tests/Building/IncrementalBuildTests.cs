using CaseRecord.Rendering.Pages;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Rendering;
using CaseRecord.Tests.Golden;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>A rebuild that reuses the last one must give exactly what a fresh full build gives.</summary>
public sealed class IncrementalBuildTests
{
    private static MemoryContentSource RepoCopy() => RepoFiles.Project();

    /// <summary>The seed case plus the invented two-speaker article, so an edit to one leaves the other's pages alone.</summary>
    private static MemoryContentSource TwoArticles()
    {
        return RepoCopy()
            .AddFolder("tests/sites/two-speakers/input", "input")
            .AddFolder("tests/sites/two-speakers/seeds", "seeds");
    }

    private const string ArticlePath = "input/articles/thornton-refuses-responsibility.md";

    private static void Edit(MemoryContentSource source, string path, Func<string, string> change) =>
        source.Add(path, change(System.Text.Encoding.UTF8.GetString(source.ReadAllBytes(path))));

    private static void AssertSameAsFullBuild(IContentSource source, BuildResult incremental)
    {
        var full = new SiteBuilder(source, new Dictionary<string, string>()).Build(null);
        Assert.Equal(full.Files.Select(f => f.Path).Order(StringComparer.Ordinal), incremental.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        var byPath = full.Files.ToDictionary(f => f.Path);
        Assert.All(incremental.Files, f => Assert.True(byPath[f.Path].Content.AsSpan().SequenceEqual(f.Content), f.Path));
    }

    [Fact]
    public void Editing_an_article_rerenders_only_its_pages_and_matches_a_full_build()
    {
        var source = TwoArticles();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        var first = cache.Build(builder);
        Assert.False(first.Stats.Incremental);

        Edit(source, ArticlePath, t => t.Replace("title: Chief constable Sara Thornton refuses", "title: Chief Constable Sara Thornton refuses"));
        var second = cache.Build(builder);

        Assert.True(second.Succeeded);
        Assert.True(second.Stats.Incremental);
        Assert.Equal(1, second.Stats.ArticlesAnalysed);
        Assert.InRange(second.Stats.PagesRendered, 1, first.Stats.Pages - 1);
        Assert.DoesNotContain("speakers/tom-baker/index.html", second.Changed);
        Assert.DoesNotContain("articles/riverside-flooding/index.html", second.Changed);
        Assert.True(second.Stats.PagesRendered <= 25, $"{second.Stats.PagesRendered} pages rendered");
        Assert.Contains("articles/thornton-refuses-responsibility/index.html", second.Changed);
        Assert.Contains("speakers/sara-thornton/index.html", second.Changed);
        Assert.Contains("figures/offences-recorded/index.html", second.Changed);
        AssertSameAsFullBuild(source, second);
    }

    [Fact]
    public void Nothing_changed_means_nothing_analysed_and_no_file_changed()
    {
        var source = RepoCopy();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        cache.Build(builder);
        var again = cache.Build(builder);
        Assert.Equal(0, again.Stats.ArticlesAnalysed);
        Assert.Empty(again.Changed);
    }

    [Fact]
    public void A_theme_or_speaker_change_renders_everything_again()
    {
        var source = RepoCopy();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        var first = cache.Build(builder);
        Edit(source, "theme/layouts/_layout.sbn", t => t.Replace("Skip to content", "Skip to the content"));
        var themed = cache.Build(builder);
        Assert.False(themed.Stats.Incremental);
        Assert.Equal(first.Stats.Pages, themed.Stats.PagesRendered);
        Edit(source, "input/speakers/sara-thornton.md", t => t.Replace("role: Chief Constable", "role: Former Chief Constable"));
        var spoke = cache.Build(builder);
        Assert.False(spoke.Stats.Incremental);
        Assert.Equal(1, spoke.Stats.ArticlesAnalysed);
        AssertSameAsFullBuild(source, spoke);
    }

    [Fact]
    public void A_failed_build_keeps_the_last_good_site_for_the_next_increment()
    {
        var source = RepoCopy();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        cache.Build(builder);
        var good = System.Text.Encoding.UTF8.GetString(source.ReadAllBytes(ArticlePath));
        source.Add(ArticlePath, good.Replace("speakers: [sara-thornton]", "speakers: [sara-thornton"));
        var broken = cache.Build(builder);
        Assert.False(broken.Succeeded);
        Assert.Empty(broken.Files);
        source.Add(ArticlePath, good.Replace("publisher: Oxford Mail", "publisher: The Oxford Mail"));
        var mended = cache.Build(builder);
        Assert.True(mended.Succeeded);
        Assert.True(mended.Stats.Incremental);
        AssertSameAsFullBuild(source, mended);
    }

    [Fact]
    public void Adding_and_removing_an_article_matches_full_builds()
    {
        var (_, example) = ExampleSiteTests.BuildExample();
        Assert.NotEmpty(example.Files);
        var source = RepoCopy();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        cache.Build(builder);
        var exampleRoot = Repo.PathOf("tests/sites/two-speakers");
        source.Add("seeds/riverside-flooding.txt", File.ReadAllBytes(Path.Combine(exampleRoot, "seeds/riverside-flooding.txt")));
        var article = File.ReadAllText(Path.Combine(exampleRoot, "input/articles/riverside-flooding.md"))
            .Replace("speakers: [priya-shah, tom-baker]\n", "");
        source.Add("input/articles/riverside-flooding.md", article);
        var added = cache.Build(builder);
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.True(added.Stats.Incremental);
        Assert.Contains("articles/riverside-flooding/index.html", added.Changed);
        AssertSameAsFullBuild(source, added);
    }

    [Fact]
    public void A_speaker_whose_quotations_fill_another_page_gains_and_loses_it_as_a_full_build_does()
    {
        // On disk with settled files, as the preview reads a project: only the source text changes.
        using var project = new TempProject();
        TempProject.CopyDirectory(Path.Combine(Repo.Root, "theme"), project.PathOf("theme"));
        string Quotes(int count) => string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"Ms Thornton said: “Point {i}.”"));
        project.Write("input/speakers/sara-thornton.md", "---\nname: Sara Thornton\n---\n");
        project.Write("input/articles/quotes.md", "---\ntitle: Quotes\nsource: seeds/quotes.txt\nspeakers: [sara-thornton]\n---\n");
        project.Write("seeds/quotes.txt", Quotes(SpeakerPages.PerPage));
        foreach (var file in Directory.EnumerateFiles(project.Root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        var source = new DiskContentSource(project.Root);
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        Assert.True(cache.Build(builder).Succeeded);
        const string second = "speakers/sara-thornton/page/2/index.html";

        project.Write("seeds/quotes.txt", Quotes(SpeakerPages.PerPage + 1));
        var grown = cache.Build(builder);
        Assert.True(grown.Stats.Incremental);
        Assert.Contains(second, grown.FilesByPath.Keys);
        AssertSameAsFullBuild(source, grown);

        project.Write("seeds/quotes.txt", Quotes(SpeakerPages.PerPage));
        var shrunk = cache.Build(builder);
        Assert.True(shrunk.Stats.Incremental);
        Assert.DoesNotContain(second, shrunk.FilesByPath.Keys);
        AssertSameAsFullBuild(source, shrunk);
    }

    /// <summary>Thirty copies of the seed article, so equal values (years) form groups larger than a figure page lists.</summary>
    private static MemoryContentSource ManyArticles(int count)
    {
        var source = RepoCopy();
        var text = System.Text.Encoding.UTF8.GetString(source.ReadAllBytes(ArticlePath));
        var digits = count > 99 ? "D3" : "D2";
        for (var i = 1; i <= count; i++)
        {
            var n = i.ToString(digits, System.Globalization.CultureInfo.InvariantCulture);
            var copy = System.Text.RegularExpressions.Regex.Replace(text, @"(  - id: |    of: )([a-z-]+)", m => $"{m.Groups[1].Value}{m.Groups[2].Value}-{n}");
            source.Add($"input/articles/copy-{n}.md", copy.Replace("title: Chief constable", $"title: Copy {n} of chief constable"));
        }
        return source;
    }

    [Theory]
    [InlineData("input/articles/copy-01.md", false)] // its figures are among those every equal-valued figure page lists
    [InlineData("input/articles/copy-25.md", true)]
    public void At_scale_an_edit_rerenders_few_pages_and_still_matches_a_full_build(string edited, bool few)
    {
        var source = ManyArticles(30);
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        var first = cache.Build(builder);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Take(5)));
        Edit(source, edited, t => t.Replace("publisher: Oxford Mail", "publisher: Oxford Mail (edited)"));
        var second = cache.Build(builder);
        Assert.True(second.Stats.Incremental);
        if (few) Assert.True(second.Stats.PagesRendered < first.Stats.Pages / 4, $"{second.Stats.PagesRendered} of {first.Stats.Pages}");
        AssertSameAsFullBuild(source, second);
    }

    [Fact]
    public void A_changed_source_text_is_seen_even_when_the_article_file_is_not_touched()
    {
        var source = RepoCopy();
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        Assert.True(cache.Build(builder).Succeeded);
        const string seed = "seeds/000_fbf6e240cee8247d.txt";
        source.Add(seed, [.. source.ReadAllBytes(seed), .. "\n\nA paragraph added later."u8.ToArray()]);
        var again = cache.Build(builder);
        Assert.False(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d.IsError && d.Message.StartsWith("sha256 does not match", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_long_list_rerenders_only_the_pages_an_edit_reaches_and_matches_a_full_build()
    {
        // 121 articles and 1,331 figures: two pages of articles, seven of figures.
        var source = ManyArticles(120);
        var cache = new BuildSession();
        var builder = new SiteBuilder(source, new Dictionary<string, string>());
        var first = cache.Build(builder);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Take(5)));
        Assert.Contains(first.Files, f => f.Path == "figures/page/7/index.html");

        Edit(source, "input/articles/copy-110.md", t => t.Replace("publisher: Oxford Mail", "publisher: Oxford Mail (edited)"));
        var edited = cache.Build(builder);
        Assert.True(edited.Stats.Incremental);
        AssertSameAsFullBuild(source, edited);
        // The data file copies what the edit did not reach: the article's chunk in each section, and the chunks of its timeline events.
        var (written, copied) = cache.Previous.Site!.Data!.Chunks;
        Assert.True(written >= 1 && written * 4 < copied, $"{written} chunks written, {copied} copied");
        var listPages = edited.Changed.Where(p => p.Contains("/page/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listPages);
        Assert.True(listPages.Count <= 2, string.Join(", ", listPages));

        // One fewer article shortens every list, so every later page (and its pager) is made again.
        source.Remove("input/articles/copy-003.md");
        var removed = cache.Build(builder);
        Assert.True(removed.Stats.Incremental);
        AssertSameAsFullBuild(source, removed);
        Assert.Contains("figures/page/7/index.html", removed.Changed);
    }
}
