using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Tests.Support;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Attribution;

/// <summary>
/// Attribution measured on a corpus of news articles written for the purpose
/// (tests/sites/attribution-corpus), against its answer key: every quotation keyed to a
/// speaker, "unnamed" or "unattributed". A wrong attribution fails the test, and so does recall
/// below 97 %. Precision is right ÷ attributed; recall is right ÷ keyed to a speaker.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private static readonly string Root = Repo.PathOf("tests/sites/attribution-corpus");

    private sealed record Key(string Article, int Paragraph, string Match, string Expected, string Comment, int Line);

    private static List<Key> ReadKey() =>
        [.. File.ReadAllLines(Path.Combine(Root, "answer-key.tsv"))
            .Select((line, i) => (Parts: line.Split('\t'), Line: i + 1))
            .Where(x => x.Parts.Length >= 4 && int.TryParse(x.Parts[1], out _))
            .Select(x => new Key(x.Parts[0], int.Parse(x.Parts[1]), x.Parts[2], x.Parts[3].Trim(), x.Parts.Length > 4 ? x.Parts[4] : "", x.Line))];

    private static List<AnalysedArticle> AnalyseCorpus()
    {
        var loaded = new ContentLoader(new DiskContentSource(Root), new Dictionary<string, string>()).Load();
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        var context = new AnalysisContext(loaded.Speakers, loaded.Organisations);
        var analyser = new ArticleAnalyser(context);
        return [.. loaded.Articles.Select(analyser.Analyse)];
    }

    private static string Outcome(Quotation q) => q.Basis switch
    {
        AttributionBasis.Unnamed => "unnamed",
        AttributionBasis.Unattributed or AttributionBasis.NotSpeech => "unattributed",
        _ => q.SpeakerSlug!,
    };

    private static bool IsSpeaker(string expected) => expected is not ("unnamed" or "unattributed" or "none");

    [Fact]
    [Trait("Category", "Corpus")]
    public void Attribution_is_never_wrong_and_recall_is_at_least_97_percent()
    {
        var keys = ReadKey();
        Assert.True(keys.Count >= 100, $"the answer key has {keys.Count} lines");
        var articles = AnalyseCorpus().ToDictionary(a => a.Slug);
        Assert.True(articles.Count >= 14, $"the corpus has {articles.Count} articles");

        int right = 0, attributed = 0, keyedToSpeaker = 0, unnamedRight = 0, keyedUnnamed = 0;
        var wrong = new List<string>();
        var missed = new List<string>();
        var keyedQuotations = new HashSet<(string, string)>();
        foreach (var k in keys)
        {
            Assert.True(articles.TryGetValue(k.Article, out var a), $"answer-key.tsv:{k.Line}: no article '{k.Article}'");
            var match = NameMatcher.FoldQuotes(k.Match);
            var q = a!.Quotations.FirstOrDefault(q => q.FirstParagraph == k.Paragraph && NameMatcher.FoldQuotes(q.Text).Contains(match, StringComparison.Ordinal))
                ?? a.Quotations.FirstOrDefault(q => q.Segments.Any(s => s.Paragraph == k.Paragraph) && NameMatcher.FoldQuotes(q.Text).Contains(match, StringComparison.Ordinal));
            Assert.True(q is not null, $"answer-key.tsv:{k.Line}: no quotation in {k.Article} p{k.Paragraph} holds '{k.Match}'");
            keyedQuotations.Add((a.Slug, q!.Id));
            var got = Outcome(q);
            var line = $"{k.Article} p{k.Paragraph} \"{k.Match}\": expected {k.Expected}, got {got} ({q.Evidence.Describe()}) [{k.Comment}]";
            if (IsSpeaker(k.Expected)) keyedToSpeaker++;
            if (k.Expected == "unnamed") keyedUnnamed++;
            if (IsSpeaker(got))
            {
                attributed++;
                if (got == k.Expected) right++; else wrong.Add(line);
            }
            else if (IsSpeaker(k.Expected)) missed.Add(line);
            else if (got == "unnamed" && k.Expected == "unnamed") unnamedRight++;
        }
        // A quotation the key does not list must not be put in anyone's mouth either.
        foreach (var a in articles.Values)
            foreach (var q in a.Quotations.Where(q => !keyedQuotations.Contains((a.Slug, q.Id)) && IsSpeaker(Outcome(q))))
                wrong.Add($"{a.Slug} p{q.FirstParagraph} \"{q.ParagraphTexts[0][..Math.Min(40, q.ParagraphTexts[0].Length)]}\": not in the key, attributed to {Outcome(q)}");

        var precision = attributed == 0 ? 1.0 : (double)right / attributed;
        var recall = keyedToSpeaker == 0 ? 1.0 : (double)right / keyedToSpeaker;
        output.WriteLine($"{keys.Count} keyed quotations in {articles.Count} articles; {keyedToSpeaker} keyed to a speaker, {keyedUnnamed} unnamed");
        // .ci/run prints this line from the test results, so every CI run shows both figures.
        output.WriteLine($"attribution corpus: precision {precision:P1} ({right}/{attributed}), recall {recall:P1} ({right}/{keyedToSpeaker}), unnamed found {unnamedRight}/{keyedUnnamed}, wrong {wrong.Count}");
        foreach (var w in wrong) output.WriteLine("WRONG  " + w);
        foreach (var m in missed) output.WriteLine("MISSED " + m);

        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong attributions:\n" + string.Join("\n", wrong));
        Assert.True(recall >= 0.97, $"recall {recall:P1} is below 97 %; missed:\n" + string.Join("\n", missed));
    }
}
