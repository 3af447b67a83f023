using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Tests.Support;
using CsCheck;

namespace CaseRecord.Tests.Hostile;

/// <summary>Random and mutated inputs: nothing throws, results repeat exactly, quotations never outnumber marks.</summary>
public sealed class PropertyTests
{
    private const string QuoteHeavy = "“”\"'‘’„ \n\n.,:aAbSshe Ms Thornton said 12";
    private static readonly Gen<string> Texts = Gen.String[Gen.Char[QuoteHeavy], 0, 400];

    private static readonly string ArticleFile = File.ReadAllText(Repo.PathOf("input/articles/thornton-refuses-responsibility.md"));

    /// <summary>The real article file with a few characters inserted, deleted or replaced at random places.</summary>
    private static readonly Gen<string> MutatedArticles =
        Gen.Select(Gen.Int[1, 8].Array[0, 6], Gen.Int[0, ArticleFile.Length].Array[6], Gen.Char["-:[]{}'\"\t\n #&*!|>"].Array[6], (kinds, places, chars) =>
        {
            var text = ArticleFile;
            for (var i = 0; i < kinds.Length; i++)
            {
                var at = Math.Min(places[i], text.Length);
                text = kinds[i] switch
                {
                    <= 3 => text.Insert(at, chars[i].ToString()),
                    <= 6 when at < text.Length => text.Remove(at, 1),
                    _ when at < text.Length => text.Remove(at, 1).Insert(at, chars[i].ToString()),
                    _ => text,
                };
            }
            return text;
        });

    private static int Marks(string text) => text.Count(c => c is '“' or '”' or '"' or '„');

    [Fact]
    public void The_quotation_finder_never_throws_repeats_itself_and_never_outnumbers_the_marks()
    {
        Texts.Sample(text =>
        {
            var paragraphs = ParagraphSplitter.Split(text, new HashSet<string>());
            foreach (var marks in Enum.GetValues<QuoteMarks>())
            {
                var first = QuotationFinder.Find(paragraphs, marks);
                var second = QuotationFinder.Find(paragraphs, marks);
                Assert.Equal(first.Select(q => string.Join(";", q.Segments)), second.Select(q => string.Join(";", q.Segments)));
                Assert.True(first.Length <= (marks == QuoteMarks.Double ? Marks(text) : Marks(text) + text.Count(c => c is '‘' or '’')));
                foreach (var q in first)
                    foreach (var s in q.Segments)
                    {
                        var p = paragraphs[s.Paragraph - 1];
                        Assert.InRange(s.Start, 0, s.End);
                        Assert.InRange(s.End, s.Start, p.Text.Length);
                    }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Whole_analysis_of_random_text_never_throws_and_repeats_itself()
    {
        Texts.Sample(text =>
        {
            var thornton = Analyse.Person("sara-thornton", "Sara Thornton");
            var a = Analyse.Text(text, speakers: [thornton]);
            var b = Analyse.Text(text, speakers: [thornton]);
            Assert.Equal(a.Quotations.Select(q => (q.Text, q.SpeakerSlug, q.Basis)), b.Quotations.Select(q => (q.Text, q.SpeakerSlug, q.Basis)));
            Assert.Equal(a.Diagnostics.Select(d => d.ToString()), b.Diagnostics.Select(d => d.ToString()));
            Assert.True(a.Quotations.Length <= Marks(text));
        }, iter: 500);
    }

    [Fact]
    public void Mutated_front_matter_gives_errors_not_exceptions_and_the_same_ones_each_time()
    {
        MutatedArticles.Sample(text =>
        {
            var first = new DiagnosticList();
            var doc1 = DocumentReaders.ReadArticle("input/articles/a.md", text, first);
            var second = new DiagnosticList();
            var doc2 = DocumentReaders.ReadArticle("input/articles/a.md", text, second);
            Assert.Equal(first.ToImmutable().Select(d => d.ToString()), second.ToImmutable().Select(d => d.ToString()));
            Assert.Equal(doc1 is null, doc2 is null);
            if (doc1 is null) Assert.True(first.HasErrors);
            foreach (var d in first.ToImmutable())
            {
                Assert.Equal("input/articles/a.md", d.At.Path);
                Assert.InRange(d.At.Line, 1, text.Count(c => c == '\n') + 2);
                Assert.True(d.At.Column >= 1);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Random_bytes_as_a_settings_file_or_seed_never_crash_the_build()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var site = new TestSite(withTheme: false)
                .Speaker("sara-thornton", "Sara Thornton")
                .Article("a", "title: A\nsource: seeds/a.txt\n");
            site.Source.Add("seeds/a.txt", bytes);
            site.Source.Add("statiq.json", bytes);
            var (result, _) = site.Build();
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        }, iter: 300);
    }
}
