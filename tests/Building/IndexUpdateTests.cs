using System.Globalization;
using System.Text;
using CaseRecord.Analysis;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Model;
using CaseRecord.Rendering;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>
/// A session brings the last index up to date instead of joining the record again; after any
/// sequence of edits the result must be the index a full join gives, down to which objects it
/// points at (a stale article or figure behind an entry would render old text).
/// </summary>
public sealed class IndexUpdateTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void After_any_edits_the_updated_index_is_the_full_index()
    {
        var random = new Random(20261129);
        var record = GeneratedRecord.Start(random);
        var (site, alive, shareOf) = (record.Site, record.Alive, record.ShareOf);
        void Write(int n, int of, string title) => record.Write(n, of, title);
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        var cache = new BuildSession();
        Assert.True(cache.Build(builder).Succeeded);

        var updated = 0;
        var kept = 0;
        static IEnumerable<string> Paths(CaseIndex index) => new PagePlanner(index, new MarkdownRenderer(), p => p).Plan().Select(p => p.Path);
        for (var step = 0; step < 60; step++)
        {
            var n = alive[random.Next(alive.Count)];
            switch (random.Next(4))
            {
                case 0: // new numbers, so new groups and shares
                    Write(n, alive[random.Next(alive.Count)], $"Article {n}");
                    break;
                case 1: // a new title or date moves it in the record's order
                    Write(n, shareOf[n], $"Retitled {random.Next(100)}");
                    break;
                case 2 when alive.Count > 3:
                    // Its figures' shares elsewhere are pointed at their own article in the same save.
                    site.Source.Remove($"input/articles/a{n}.md");
                    alive.Remove(n);
                    foreach (var other in alive.Where(o => shareOf[o] == n).ToList()) Write(other, other, $"Article {other}");
                    break;
                default:
                    Write(record.Next, alive[random.Next(alive.Count)], $"Article {record.Next}");
                    alive.Add(record.Next++);
                    break;
            }
            var last = cache.Previous.Site?.Index;
            var result = cache.Build(builder);
            var loaded = new ContentLoader(site.Source, new Dictionary<string, string>()).Load();
            // The same analysis objects the build used: unchanged articles' are reused ones.
            var analysed = loaded.Articles.Select(a => cache.Previous.Analyses[a.Doc.Path].Result).ToList();
            var (full, diagnostics) = CaseIndexer.Index(loaded, [.. analysed]);
            if (last is null) continue;
            var update = CaseIndexer.Update(last, loaded, [.. analysed]);
            if (!diagnostics.IsEmpty || !result.Succeeded)
            {
                // A removed article whose figure another one is a share of: only the full join can say so.
                Assert.True(update is null || !result.Succeeded, string.Join("\n", diagnostics));
                continue;
            }
            Assert.NotNull(update);
            updated++;
            var (index, delta) = update.Value;
            Assert.Equal(Dump(full), Dump(index));
            Assert.Equal(Dump(full), Dump(cache.Previous.Site!.Index));
            // A rebuild reuses the last list of pages when the record is said to have the same ones.
            var samePages = Paths(last).SequenceEqual(Paths(full));
            Assert.Equal(samePages, new PagePlanner(index, new MarkdownRenderer(), p => p).SamePages(delta));
            if (samePages) kept++;
        }
        Assert.True(updated > 30, $"only {updated} of 60 steps were brought up to date");
        Assert.InRange(kept, 1, updated - 1);
    }

    [Fact]
    public void Too_many_changes_or_a_duplicate_id_fall_back_to_the_full_join()
    {
        var random = new Random(7);
        var site = GeneratedArticles.Site();
        for (var n = 0; n < 3; n++) GeneratedArticles.Write(site, random, n, 0, $"Article {n}");
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        var cache = new BuildSession();
        Assert.True(cache.Build(builder).Succeeded);
        var last = cache.Previous.Site!.Index;

        // Article 3 copies article 0's figure ids: an error the update must not hide.
        var copy = Encoding.UTF8.GetString(site.Source.ReadAllBytes("input/articles/a0.md"));
        site.File("input/articles/a3.md", copy);
        var loaded = new ContentLoader(site.Source, new Dictionary<string, string>()).Load();
        var analyser = new ArticleAnalyser(new AnalysisContext(loaded.Speakers, loaded.Organisations));
        var reused = last.Articles.ToDictionary(a => a.Doc.Path);
        var analysed = loaded.Articles.Select(a => reused.GetValueOrDefault(a.Doc.Path) ?? analyser.Analyse(a)).ToList();
        Assert.Null(CaseIndexer.Update(last, loaded, [.. analysed]));
        Assert.NotEmpty(CaseIndexer.Index(loaded, [.. analysed]).Diagnostics);

        // Article 1's figures are shares of article 0's; without article 0 they name nothing.
        site.Source.Remove("input/articles/a3.md");
        site.Source.Remove("input/articles/a0.md");
        loaded = new ContentLoader(site.Source, new Dictionary<string, string>()).Load();
        analysed = [.. loaded.Articles.Select(a => reused.GetValueOrDefault(a.Doc.Path) ?? analyser.Analyse(a))];
        Assert.Null(CaseIndexer.Update(last, loaded, [.. analysed]));
        Assert.NotEmpty(CaseIndexer.Index(loaded, [.. analysed]).Diagnostics);

        GeneratedArticles.Write(site, random, 0, 0, "Article 0");
        for (var n = 4; n < 80; n++) GeneratedArticles.Write(site, random, n, n, $"Article {n}");
        loaded = new ContentLoader(site.Source, new Dictionary<string, string>()).Load();
        analysed = [.. loaded.Articles.Select(a => reused.GetValueOrDefault(a.Doc.Path) ?? analyser.Analyse(a))];
        Assert.Null(CaseIndexer.Update(last, loaded, [.. analysed]));
    }

    /// <summary>Everything the pages are made from, with a mark wherever an entry points at an object the index no longer holds.</summary>
    private static string Dump(CaseIndex index)
    {
        var text = new StringBuilder();
        var articles = index.Articles.ToDictionary(a => a.Doc.Path);
        string Article(AnalysedArticle a) => a.Doc.Path + (ReferenceEquals(articles.GetValueOrDefault(a.Doc.Path), a) ? "" : " (stale article)");
        string Entry(FigureEntry e) => e.Id + (ReferenceEquals(index.Figures.GetValueOrDefault(e.Id), e) ? "" : " (stale entry)");
        text.AppendLine("articles: " + string.Join(", ", index.Articles.Select(a => a.Doc.Path)));
        text.AppendLine("speakers: " + string.Join(", ", index.Speakers.Select(s => s.Slug)) + "; organisations: " + string.Join(", ", index.Organisations.Select(o => o.Slug)));
        foreach (var (id, e) in index.Figures.OrderBy(x => x.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"figure {id}: {e.Figure.Value} in {Article(e.Article)}, of {(e.Of is null ? "-" : Entry(e.Of))} = {e.Percent}; same value: {string.Join(" ", e.SameValueGroup)}; shares: {string.Join(" ", index.SharesOf[id].Select(Entry))}");
        text.AppendLine("in order: " + string.Join(", ", index.FiguresInOrder.Select(Entry)));
        text.AppendLine("timeline: " + string.Join(", ", index.Timeline.Select(Entry)));
        foreach (var (slug, quotes) in index.QuotationsBySpeaker.OrderBy(x => x.Key, StringComparer.Ordinal))
            text.AppendLine($"speaker {slug}: " + string.Join(", ", quotes.Select(q => $"{Article(q.Article)}#{q.Quotation.Id}")));
        foreach (var (slug, mentions) in index.MentionsByOrganisation.OrderBy(x => x.Key, StringComparer.Ordinal))
            text.AppendLine($"organisation {slug}: " + string.Join(", ", mentions.Select(m => $"{Article(m.Article)}@{m.Mention.Paragraph}:{m.Mention.Start}")));
        foreach (var (slug, mentions) in index.MentionsBySpeaker.OrderBy(x => x.Key, StringComparer.Ordinal))
            text.AppendLine($"named {slug}: " + string.Join(", ", mentions.Select(m => $"{Article(m.Article)}@{m.Mention.Paragraph}:{m.Mention.Start}-{m.Mention.End}")));
        foreach (var (key, ids) in index.SameValueGroups!.OrderBy(x => x.Key.Value).ThenBy(x => x.Key.Kind).ThenBy(x => x.Key.Currency, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"group {key.Value} {key.Kind} {key.Currency}: {string.Join(" ", ids)}");
        return text.ToString();
    }
}
