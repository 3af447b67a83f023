using System.Text;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>
/// A session's rebuild renders only the pages its page kinds say a change reaches. After any
/// sequence of edits, every file it serves must be, byte for byte, what a fresh full build makes:
/// a page left stale (a share whose article was not told that the figure it points at changed)
/// fails here whichever kind forgot.
/// </summary>
public sealed class IncrementalPagesTests
{
    private static string Read(TestSite site, string path) => Encoding.UTF8.GetString(site.Source.ReadAllBytes(path));

    /// <summary>Every file the session serves is the fresh full build's, and it has no other.</summary>
    private static void AssertSameAsFullBuild(TestSite site, BuildResult incremental, string step)
    {
        var full = new SiteBuilder(site.Source, new Dictionary<string, string>()).Build(null);
        Assert.Equal(full.Succeeded, incremental.Succeeded);
        if (!full.Succeeded) return;
        var missing = full.FilesByPath.Keys.Except(incremental.FilesByPath.Keys).ToList();
        var extra = incremental.FilesByPath.Keys.Except(full.FilesByPath.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{step}: missing {string.Join(", ", missing)}; extra {string.Join(", ", extra)}");
        var stale = full.FilesByPath.Where(f => !f.Value.SameBytes(incremental.FilesByPath[f.Key])).Select(f => f.Key).ToList();
        Assert.True(stale.Count == 0, $"{step}: {stale.Count} files differ from a full build: {string.Join(", ", stale.Take(10))}");
    }

    [Theory]
    [InlineData(20261201)]
    [InlineData(7)]
    public void After_any_edits_every_page_is_the_full_builds(int seed)
    {
        var random = new Random(seed);
        var record = GeneratedRecord.Start(random);
        var (site, alive, shareOf) = (record.Site, record.Alive, record.ShareOf);
        void Write(int n, int of, string title, string label = "Cases") => record.Write(n, of, title, label);
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        var session = new BuildSession();
        Assert.True(session.Build(builder).Succeeded);

        var done = new Dictionary<string, int>();
        var incremental = 0;
        // The pages of values shared by many figures come and go as groups grow and shrink: both must happen here.
        var valuePages = new HashSet<string>(StringComparer.Ordinal);
        var valuePagesChanged = 0;
        for (var step = 0; step < 50; step++)
        {
            var n = alive[random.Next(alive.Count)];
            string what;
            switch (random.Next(10))
            {
                case 0: // new numbers: new groups of equal values, new shares
                    what = "numbers";
                    Write(n, alive[random.Next(alive.Count)], $"Article {n}");
                    break;
                case 1: // a new title or date moves it in the record's order
                    what = "title";
                    Write(n, shareOf[n], $"Retitled {random.Next(100)}");
                    break;
                case 2: // the figure another article's share points at is relabelled (its value may change too)
                {
                    what = "figure a share points at";
                    var pointedAt = alive.Where(a => alive.Any(o => o != a && shareOf[o] == a)).DefaultIfEmpty(n).First();
                    Write(pointedAt, shareOf[pointedAt], $"Article {pointedAt}", $"Cases v{random.Next(1000)}");
                    break;
                }
                case 3 when alive.Count > 4:
                    // Its figures' shares elsewhere are pointed at their own article in the same save.
                    what = "deletion";
                    site.Source.Remove(record.PathOf(n));
                    alive.Remove(n);
                    foreach (var other in alive.Where(o => shareOf[o] == n).ToList()) Write(other, other, $"Article {other}");
                    break;
                case 4: // renamed: the same article under another file and slug
                    what = "rename";
                    site.Source.Remove(record.PathOf(n));
                    record.Slugs[n] = $"renamed-{n}-{random.Next(100)}";
                    Write(n, shareOf[n], $"Article {n}");
                    break;
                case 5: // a speaker's page and every mention of their name
                    what = "speaker";
                    site.Speaker("sam-jones", "Sam Jones", $"role: Spokesperson {random.Next(100)}\n");
                    break;
                case 6:
                    what = "organisation";
                    site.Organisation("harbour-trust", $"Harbour Trust {random.Next(100)}", "aliases: [the Harbour Trust]\n");
                    break;
                case 7:
                    what = "theme partial";
                    site.File("theme/partials/figure_table.sbn", Read(site, "theme/partials/figure_table.sbn") + $"<!-- edit {step} -->\n");
                    break;
                case 8: // a share pointed at a figure in another article
                    what = "share elsewhere";
                    Write(n, alive[random.Next(alive.Count)], $"Article {n}");
                    break;
                default:
                    what = "addition";
                    Write(record.Next, alive[random.Next(alive.Count)], $"Article {record.Next}");
                    alive.Add(record.Next++);
                    break;
            }
            var result = session.Build(builder);
            AssertSameAsFullBuild(site, result, $"step {step} ({what})");
            done[what] = done.GetValueOrDefault(what) + 1;
            if (result.Stats.Incremental) incremental++;
            var values = result.FilesByPath.Keys.Where(k => k.StartsWith("values/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            if (!values.SetEquals(valuePages) && result.Stats.Incremental) valuePagesChanged++;
            valuePages = values;
        }
        Assert.True(valuePagesChanged >= 2, $"value pages came or went in only {valuePagesChanged} incremental rebuilds");
        // The rebuilds that matter most here are the partial ones: most steps must have been.
        Assert.True(incremental >= 20, $"only {incremental} of 50 rebuilds were incremental ({string.Join(", ", done.Select(d => $"{d.Key} {d.Value}"))})");
        Assert.True(done.Count >= 8, string.Join(", ", done.Keys));
    }

    /// <summary>
    /// Facts of the case stated by several articles: editing a figure file, an article's statement
    /// (its value, or stating it at all), or the articles themselves reaches every page that shows
    /// the fact, its statements, its shares and the figures of equal value.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(20261201)]
    public void After_any_edits_of_facts_of_the_case_every_page_is_the_full_builds(int seed)
    {
        var random = new Random(seed);
        var site = GeneratedArticles.Site();
        int[] contacts = [1561, 1560], offences = [26, 25];
        var settled = false;
        var label = "Recorded contacts";
        string? of = "contacts";
        void Facts()
        {
            site.File("input/figures/contacts.md", $"---\nlabel: {label}\nunit: contacts\n{(settled ? "value: 1561\n" : "")}---\nNote {random.Next(100)}.\n");
            site.File("input/figures/offences.md", $"---\nlabel: Offences\n{(of is null ? "" : $"of: {of}\n")}---\n");
        }
        void Write(int n)
        {
            var (c, o) = (contacts[random.Next(2)], offences[random.Next(2)]);
            var text = $"The review counted {c} contacts and {o} offences.\n\n\"It was {o} too many,\" said Alex Morgan.\n";
            site.Seed($"f{n}.txt", text);
            // Some articles state only one fact, some give the count as their own figure.
            var states = random.Next(3);
            var items = (states == 2 ? $"  - id: own-{n}\n    label: Contacts here\n    match: {c} contacts\n" : $"  - figure: contacts\n    match: {c} contacts\n")
                + (states == 1 ? $"  - id: offences-{n}\n    label: Offences here\n    match: {o} offences\n" : $"  - figure: offences\n    match: {o} offences\n")
                + $"  - id: said-{n}\n    label: Offences said\n    match: \"{o} too many\"\n";
            site.File($"input/articles/f{n}.md", $"---\ntitle: Facts {n}\nsource: seeds/f{n}.txt\npublished: 2024-02-{1 + random.Next(9):D2}\nfigures:\n{items}---\n");
        }
        Facts();
        var alive = Enumerable.Range(0, 6).ToList();
        var next = alive.Count;
        foreach (var n in alive) Write(n);
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        var session = new BuildSession();
        var first = session.Build(builder);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        var done = new Dictionary<string, int>();
        for (var step = 0; step < 30; step++)
        {
            var n = alive[random.Next(alive.Count)];
            string what;
            switch (random.Next(8))
            {
                case 0: what = "statement"; Write(n); break;
                case 1: what = "figure file"; label = $"Contacts v{random.Next(1000)}"; Facts(); break;
                case 2: what = "settled"; settled = !settled; Facts(); break;
                case 3: what = "of"; of = random.Next(3) switch { 0 => null, 1 => "contacts", _ => $"own-{n}" }; Facts(); break;
                case 4 when alive.Count > 2: what = "deletion"; site.Source.Remove($"input/articles/f{n}.md"); alive.Remove(n); break;
                case 5: what = "figure file removed"; site.Source.Remove("input/figures/offences.md"); break;
                default: what = "addition"; Write(next); alive.Add(next++); break;
            }
            var result = session.Build(builder);
            AssertSameAsFullBuild(site, result, $"step {step} ({what})");
            done[what] = done.GetValueOrDefault(what) + 1;
            // The next step starts from a project that builds (an 'of' at an article's own figure that went away, a removed file).
            if (!result.Succeeded)
            {
                of = null;
                Facts();
                var repaired = session.Build(builder);
                Assert.True(repaired.Succeeded, $"step {step} ({what}), repaired: {string.Join("\n", repaired.Diagnostics.Where(d => d.IsError))}");
                AssertSameAsFullBuild(site, repaired, $"step {step} (repaired)");
            }
        }
        Assert.True(done.Count >= 6, string.Join(", ", done.Keys));
    }

    [Fact]
    public void Editing_a_figure_another_articles_share_points_at_renews_that_article_and_the_figures_of_equal_value()
    {
        var random = new Random(3);
        var site = GeneratedArticles.Site();
        GeneratedArticles.Write(site, random, 0, 0, "Article 0");
        GeneratedArticles.Write(site, random, 1, 0, "Article 1");
        GeneratedArticles.Write(site, random, 2, 2, "Article 2");
        var builder = new SiteBuilder(site.Source, new Dictionary<string, string>());
        var session = new BuildSession();
        Assert.True(session.Build(builder).Succeeded);

        GeneratedArticles.Write(site, new Random(4), 0, 0, "Article 0", "Recorded cases");
        var result = session.Build(builder);
        Assert.True(result.Stats.Incremental);
        // Article 1's share of article 0's figure shows that figure's label and the ratio.
        Assert.Contains("articles/a1/index.html", result.Changed);
        Assert.Contains("Recorded cases", Encoding.UTF8.GetString(result.FilesByPath["articles/a1/index.html"].Content));
        AssertSameAsFullBuild(site, result, "relabel");
    }
}
