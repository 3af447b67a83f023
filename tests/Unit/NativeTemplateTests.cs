using System.Text;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Rendering;
using CaseRecord.Rendering.Native;
using CaseRecord.Tests.Support;
using Scriban;
using Scriban.Runtime;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// The stock templates written by code (src/Rendering/Native) must make every page byte for byte
/// as Scriban makes it from the template, and must be used only for the file they were written from.
/// </summary>
public sealed class NativeTemplateTests
{
    public static TheoryData<string> Writers() => [.. NativeTemplates.Writers.Select(w => w.Path)];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Each_writer_is_for_the_repository_s_own_template(string path)
    {
        var text = TextNormaliser.Normalise(File.ReadAllText(Repo.PathOf(path)));
        // When this fails the stock template changed: change its writer to match, then its StockText.
        Assert.Same(NativeTemplates.Writers.Single(w => w.Path == path), NativeTemplates.For(path, text));
        // A template an editor changed, by as little as a space, is Scriban's.
        Assert.Null(NativeTemplates.For(path, text + " "));
        Assert.Null(NativeTemplates.For(path, text.Replace("class=", "class =", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_stock_layout_is_written_by_code_only_with_the_stock_partials_it_includes()
    {
        var texts = NativeTemplates.Writers.ToDictionary(w => w.Path, w => TextNormaliser.Normalise(File.ReadAllText(Repo.PathOf(w.Path))), StringComparer.Ordinal);
        Assert.Equal(texts.Keys.Order(), NativeTemplates.Of(texts).Keys.Order());
        texts["theme/partials/figure_table.sbn"] += "<!-- the editors' own table -->";
        var used = NativeTemplates.Of(texts);
        Assert.DoesNotContain("theme/partials/figure_table.sbn", used.Keys);
        Assert.DoesNotContain("theme/layouts/figure.sbn", used.Keys);
        Assert.Contains("theme/partials/paragraph.sbn", used.Keys);
    }

    public static TheoryData<string> Sites() => ["tests/sites/three-sources", "tests/sites/two-speakers", "tests/sites/search-words", "tests/sites/attribution-corpus", "", "generated", "hostile"];

    [Theory]
    [MemberData(nameof(Sites))]
    public void Sites_are_byte_for_byte_the_same_with_the_written_partials_and_with_Scriban(string site)
    {
        var source = Source(site);
        var native = Built(source, native: true);
        var scriban = Built(source, native: false);
        Assert.Equal(scriban.Keys, native.Keys);
        foreach (var (path, bytes) in scriban)
            Assert.True(bytes.AsSpan().SequenceEqual(native[path]), $"{site}: {path} differs:\n{Encoding.UTF8.GetString(native[path])}");
        // The written partials' output is there to compare: paragraphs and tables of figures.
        Assert.Contains(native.Values, b => Encoding.UTF8.GetString(b).Contains("class=\"para-link\"", StringComparison.Ordinal));
        if (site is not "tests/sites/search-words" and not "tests/sites/attribution-corpus")
            Assert.Contains(native.Values, b => Encoding.UTF8.GetString(b).Contains("<table class=\"figures\">", StringComparison.Ordinal));
        if (site == "hostile")
        {
            // The article's every branch is there: the original's address, the summary, the editors' date and a paragraph left out.
            var article = Encoding.UTF8.GetString(native["articles/h/index.html"]);
            foreach (var part in new[] { "class=\"original\"", "class=\"summary\"", "(date inferred by the editors)", "class=\"omitted-para\"", "From the editors", "&lt;script&gt;" })
                Assert.Contains(part, article, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", article, StringComparison.Ordinal);
            Assert.Contains("<figure class=\"excerpt\">", Encoding.UTF8.GetString(native["organisations/riverside-council/index.html"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_writer_given_values_it_does_not_know_writes_nothing_and_leaves_the_partial_to_Scriban()
    {
        foreach (var writer in NativeTemplates.Writers)
        {
            var context = new TemplateContext { StrictVariables = true };
            var output = new StringBuilder();
            // Undefined, then something other than the views.
            Assert.False(writer.TryWrite(context, output));
            context.PushGlobal(new ScriptObject { ["para"] = "text", ["rows"] = new[] { "a row" }, ["page"] = new { Title = "not a figure" } });
            Assert.False(writer.TryWrite(context, output));
            Assert.Equal("", output.ToString());
        }
    }

    private sealed class Failing : INativeTemplate
    {
        public string Path => "theme/partials/failing.sbn";
        public string StockText => "";
        public bool TryWrite(TemplateContext context, StringBuilder output)
        {
            output.Append("half a row");
            throw new NullReferenceException("a value the writer did not foresee");
        }
    }

    [Fact]
    public void A_writer_that_fails_takes_back_what_it_wrote_and_leaves_the_template_to_Scriban()
    {
        var output = new StringBuilder("before|");
        Assert.False(NativeTemplates.TryWrite(new Failing(), new TemplateContext(), output));
        Assert.Equal("before|", output.ToString());
    }

    private static IReadOnlyDictionary<string, byte[]> Built(IContentSource source, bool native)
    {
        var sink = new MemorySink();
        var result = new SiteBuilder(source, new Dictionary<string, string>()) { NativeTemplates = native }.Build(sink);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return sink.Files;
    }

    private static IContentSource Source(string site) => site switch
    {
        "" => new DiskContentSource(Repo.Root),
        "generated" => Generated(),
        "hostile" => Hostile(),
        _ => new MemoryContentSource().AddFolder(site, "", rel => !rel.StartsWith("expected/", StringComparison.Ordinal)).AddFolder("theme"),
    };

    private static MemoryContentSource Generated()
    {
        var random = new Random(20261204);
        var site = GeneratedArticles.Site();
        for (var n = 0; n < 12; n++) GeneratedArticles.Write(site, random, n, n == 0 ? 0 : random.Next(n), $"Article {n} <b>& “{n}”</b>");
        return site.Source;
    }

    // Text that must be escaped wherever the partials write it: markup, ampersands, quotes of both kinds, accents.
    private static MemoryContentSource Hostile()
    {
        const string text = "The council said 40 <script>alert(1)</script> cases & more were “closed” in 2015.\n\nADVERTISEMENT <b>buy</b>\n\n"
            + "\"We closed 12 of the cases <i>quickly</i> & well,\" said Alex Morgan of Riverside Council.\n\n"
            + "'Ça va,' said Sam Jones, who counted 30 reports.\n";
        var site = GeneratedArticles.Site().Seed("h.txt", text);
        site.File("input/articles/h.md", $"""
            ---
            title: "Hostile <script>x</script> & “title”"
            source: seeds/h.txt
            sha256: {TestSite.Sha256(text)}
            publisher: "O'Brien & Sons <Press>"
            published: 2015-03-02
            published_basis: "From the <em>print</em> edition's “date”"
            summary: "A <summary> & more"
            url: https://example.org/news/a?x=1&y=<2>
            omit:
              - "ADVERTISEMENT <b>buy</b>"
            speakers: [alex-morgan, sam-jones]
            figures:
              - id: cases-h
                label: "Cases <b>& “more”</b>"
                match: 40 <script>
              - id: closed-h
                label: Closed 'cases'
                match: 12 of the cases
                of: cases-h
              - id: reports-h
                label: Reports
                match: 30 reports
              - id: year-h
                label: "Year <i>closed</i>"
                kind: year
                match: in 2015
                event: "An <em>event</em> & “more”"
            ---
            """);
        return site.Source;
    }
}
