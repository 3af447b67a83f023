using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// How the open data is laid out: one file, or, once the record would pass the
/// <c>DataFileSplitSize</c> setting, an index (data/case.json: speakers, organisations, which part
/// holds which articles) and part files of <c>DataFileArticlesPerPart</c> articles each, in the
/// order of the articles, holding those articles with their quotations, mentions and figures,
/// and a run of the timeline: nothing that grows with the record stays in the index. No file may pass a host's limit on one file
/// (Cloudflare Pages: 25 MiB); data/case.json was 115 MB at 10,000 articles.
/// </summary>
public sealed class OpenDataParts
{
    private OpenDataParts(ImmutableArray<ImmutableArray<AnalysedArticle>> parts) => Parts = parts;

    /// <summary>The articles of each part file, in order; empty when the record is one file.</summary>
    public ImmutableArray<ImmutableArray<AnalysedArticle>> Parts { get; }

    public bool IsSplit => Parts.Length > 0;

    /// <summary>Every file of the open data, the index first.</summary>
    public IEnumerable<string> Paths => [SitePaths.Data, .. Parts.Select((_, i) => SitePaths.DataPart(i + 1))];

    public static OpenDataParts For(CaseIndex index)
    {
        var settings = index.Settings;
        if (EstimatedBytes(index) <= settings.DataFileSplitSize) return new([]);
        var size = settings.DataFileArticlesPerPart;
        return new([.. Enumerable.Range(0, (index.Articles.Length + size - 1) / size)
            .Select(i => index.Articles.Slice(i * size, Math.Min(size, index.Articles.Length - i * size)))]);
    }

    /// <summary>
    /// About how many bytes the one file would hold, without writing it: its texts (paragraphs,
    /// quotations, figures' sentences) and what each element adds around them, measured on the
    /// seed and a synthetic record (a little more than the file, never much less).
    /// </summary>
    public static long EstimatedBytes(CaseIndex index)
    {
        long bytes = 0;
        foreach (var a in index.Articles)
        {
            bytes += 1500;
            foreach (var p in a.Paragraphs) bytes += p.Text.Length + 120;
            foreach (var q in a.Quotations) bytes += q.TextLength + 900;
            bytes += a.People.Length * 400;
        }
        foreach (var e in index.FiguresInOrder) bytes += e.Figure.Sentence.Length + 900;
        return bytes;
    }
}
