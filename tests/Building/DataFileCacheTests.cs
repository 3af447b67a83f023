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

    private static void WriteArticle(TestSite site, int i, string publisher = "Oxford Mail")
    {
        // Values of their own, so no figure shares a value (and an entry) with another article's.
        var text = $"There were {1000 + i} cases in {1700 + i}. \"We counted them,\" said Alex Morgan.";
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
                match: in {1700 + i}
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
        var cache = new BuildCache();
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        Assert.True(builder.Build(null, cache).Succeeded);
        var (first, none) = cache.OpenData.Chunks;
        Assert.Equal(0, none);
        Assert.True(first > 20, $"{first} chunks");

        void Check(string what)
        {
            var result = builder.Build(null, cache);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
            Assert.True(result.Stats.Incremental, what);
            Assert.Equal(FullData(site), Data(result));
            var (written, copied) = cache.OpenData.Chunks;
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
}
