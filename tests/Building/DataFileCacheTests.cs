using CaseRecord.Building;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>
/// A session's data file copies the chunks an edit did not reach and writes the rest again; the
/// result must be the file a fresh build writes, and an article added or removed must not make
/// every later chunk be written again.
/// </summary>
public sealed class DataFileCacheTests
{
    private const int Articles = 300;

    /// <param name="year">The year counted; by default one of the article's own, so no figure shares a value with another article's.</param>
    private static void WriteArticle(TestSite site, int i, string publisher = "Oxford Mail", int? year = null)
    {
        var text = $"There were {1000 + i} cases in {year ?? 1700 + i}. \"We counted them,\" said Alex Morgan.";
        site.Seed($"a{i:000}.txt", text).Article($"a{i:000}", $"""
            title: Article {i:000}
            source: seeds/a{i:000}.txt
            publisher: {publisher}
            published: 2015-01-01
            speakers: [alex-morgan]
            figures:
              - id: cases-{i}
                label: Cases
                match: {1000 + i} cases
              - id: year-{i}
                label: Year
                kind: year
                match: in {year ?? 1700 + i}
                event: Counted.
            """);
    }

    private static byte[] Data(BuildResult result) => result.FilesByPath["data/case.json"].Content.ToArray();

    private static byte[] FullData(TestSite site)
    {
        var full = new SiteBuilder(site.Source, new Dictionary<string, string>()).Build(null);
        Assert.True(full.Succeeded, string.Join("\n", full.Diagnostics.Take(5)));
        return Data(full);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void An_edit_an_addition_and_a_removal_each_write_a_few_chunks_and_give_the_fresh_file()
    {
        var site = new TestSite().Speaker("alex-morgan", "Alex Morgan");
        for (var i = 1; i <= Articles; i++) WriteArticle(site, i);
        var cache = new BuildSession();
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        Assert.True(cache.Build(builder).Succeeded);
        var (first, none) = cache.Previous.Site!.Data!.Chunks;
        Assert.Equal(0, none);
        Assert.True(first > 20, $"{first} chunks");

        void Check(string what)
        {
            var result = cache.Build(builder);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
            Assert.True(result.Stats.Incremental, what);
            Assert.Equal(FullData(site), Data(result));
            var (written, copied) = cache.Previous.Site!.Data!.Chunks;
            // The article's chunk in each of the four sections (articles, quotations, figures, events), or the one after it.
            Assert.True(written is >= 1 and <= 8 && copied >= first - 8, $"{what}: {written} chunks written, {copied} copied of {first}");
        }

        WriteArticle(site, 150, publisher: "Oxford Mail (edited)");
        Check("edit");
        WriteArticle(site, Articles + 1);
        Check("addition");
        site.Source.Remove("input/articles/a100.md");
        Check("removal");
        WriteArticle(site, 1, publisher: "Oxford Mail (edited)");
        Check("edit of the first");
    }

    [Fact]
    public void A_figure_joining_a_value_that_hundreds_share_rewrites_only_its_own_chunks()
    {
        // Every article counts the same year, so all 300 year figures are one group of equal value.
        var site = new TestSite().Speaker("alex-morgan", "Alex Morgan");
        for (var i = 1; i <= Articles; i++) WriteArticle(site, i, year: 2015);
        var cache = new BuildSession();
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        Assert.True(cache.Build(builder).Succeeded);
        var (first, _) = cache.Previous.Site!.Data!.Chunks;

        // The group gains a member: each of its entries is made again (each shows the group), but
        // none of their elements in the data file changes.
        WriteArticle(site, Articles + 1, year: 2015);
        var result = cache.Build(builder);
        Assert.True(result.Stats.Incremental);
        Assert.Equal(FullData(site), Data(result));
        var (written, copied) = cache.Previous.Site!.Data!.Chunks;
        Assert.True(written <= 8 && copied >= first - 8, $"{written} chunks written, {copied} copied of {first}");

        // And the chunks kept hold the renewed entries now, so the next edit copies them by reference.
        WriteArticle(site, 150, publisher: "Oxford Mail (edited)", year: 2015);
        result = cache.Build(builder);
        Assert.Equal(FullData(site), Data(result));
        (written, copied) = cache.Previous.Site!.Data!.Chunks;
        Assert.True(written <= 8, $"{written} chunks written, {copied} copied");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_split_records_files_after_an_edit_an_addition_and_a_removal_are_the_fresh_builds_and_a_part_no_longer_needed_goes()
    {
        var settings = new Dictionary<string, string> { ["DataFileSplitSize"] = "0", ["DataFileArticlesPerPart"] = "50" };
        var site = new TestSite().Speaker("alex-morgan", "Alex Morgan");
        for (var i = 1; i <= Articles; i++) WriteArticle(site, i);
        var cache = new BuildSession();
        var builder = new SiteBuilder(site.Source, settings);
        Assert.True(cache.Build(builder).Succeeded);
        var (first, _) = cache.Previous.Site!.Data!.Chunks;

        static Dictionary<string, byte[]> DataFiles(BuildResult result) =>
            result.FilesByPath.Where(f => f.Key.StartsWith("data/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal))
                .ToDictionary(f => f.Key, f => f.Value.Content.ToArray());

        void Check(string what, int parts)
        {
            var result = cache.Build(builder);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
            Assert.True(result.Stats.Incremental, what);
            var fresh = new SiteBuilder(site.Source, settings).Build(null);
            var expected = DataFiles(fresh);
            Assert.Equal(parts + 1, expected.Count);
            var actual = DataFiles(result);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{what}: {path} differs from a fresh build's");
            var (written, copied) = cache.Previous.Site!.Data!.Chunks;
            Assert.True(copied >= first / 2, $"{what}: {written} chunks written, {copied} copied of {first}");
        }

        WriteArticle(site, 150, publisher: "Oxford Mail (edited)");
        Check("edit", 6);
        WriteArticle(site, Articles + 1);
        Check("addition", 7);
        site.Source.Remove($"input/articles/a{Articles + 1:000}.md");
        Check("removal", 6);
    }
}
