using System.Text;
using CaseRecord.Analysis;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Model;

namespace CaseRecord.Cli;

/// <summary>What the <c>quotes</c> command lists, and how.</summary>
/// <param name="Format"><c>text</c>, <c>csv</c> or <c>md</c>.</param>
public sealed record QuotesQuery(string Format, bool UnattributedOnly, string? Speaker, string? Article);

/// <summary>
/// The editors' review of attribution: every quotation of the record in order, with its source
/// and the evidence for it, so a new article's quotations can be checked at a glance. Loads and
/// analyses the project as <c>check</c> does and writes nothing.
/// </summary>
public sealed class QuotesCommand(TextWriter stdout, TextWriter stderr)
{
    public static readonly string[] Formats = ["text", "csv", "md"];

    /// <summary>How many of a quotation's words the report shows.</summary>
    private const int FirstWordCount = 8;

    /// <summary>One quotation as the report lists it.</summary>
    private sealed record Row(string Article, string Paragraph, string FirstWords, string Speaker, Quotation Quote, string Evidence)
    {
        public string[] Cells => [Article, Paragraph, FirstWords, Speaker, Evidence];
    }

    private static readonly string[] Headings = ["article", "paragraph", "first words", "speaker", "evidence"];

    public int Run(BuildOptions options, QuotesQuery query)
    {
        if (!Directory.Exists(options.Root))
        {
            stderr.WriteLine($"error: project folder '{options.Root}' does not exist");
            return 2;
        }
        var (index, diagnostics) = new SiteBuilder(new DiskContentSource(options.Root), options.Settings).Analyse();
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            foreach (var e in errors) stderr.WriteLine(e.ToString());
            stderr.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}: the quotations cannot be listed until {(errors.Count == 1 ? "it is" : "they are")} fixed.");
            return 1;
        }
        if (Unknown("--speaker", "speaker", query.Speaker, index.Speakers.Select(s => s.Slug)) ||
            Unknown("--article", "article", query.Article, index.Articles.Select(a => a.Slug)))
            return 2;

        var rows = Rows(index, query).ToList();
        var count = QuotationTally.Of(rows.Select(r => r.Quote)).Describe(notSpeech: true);
        switch (query.Format)
        {
            case "csv":
                WriteCsv(rows);
                // The file stays a table; the person at the terminal still sees the count.
                stderr.WriteLine(count);
                break;
            case "md":
                WriteMarkdown(rows);
                stdout.WriteLine();
                stdout.WriteLine(count);
                break;
            default:
                WriteText(rows);
                stdout.WriteLine(count);
                break;
        }
        return 0;
    }

    /// <summary>Says so, as a usage error, when a slug given names nothing in the record.</summary>
    private bool Unknown(string option, string kind, string? slug, IEnumerable<string> known)
    {
        if (slug is null) return false;
        var all = known.ToList();
        if (all.Contains(slug, StringComparer.Ordinal)) return false;
        var suggestion = KeySuggester.Suggest(slug, all) is { } s ? $"; did you mean '{s}'?" : "";
        stderr.WriteLine($"error: {option}: there is no {kind} '{slug}' in the record{suggestion}");
        return true;
    }

    private static IEnumerable<Row> Rows(CaseIndex index, QuotesQuery query)
    {
        foreach (var a in index.Articles)
        {
            if (query.Article is { } article && a.Slug != article) continue;
            foreach (var q in a.Quotations)
            {
                if (query.UnattributedOnly && q.Basis != AttributionBasis.Unattributed) continue;
                if (query.Speaker is { } speaker && !(q.IsSpeech && q.SpeakerSlug == speaker)) continue;
                yield return new Row(a.Slug, Paragraphs(q), FirstWords(q.Text), Source(q), q, Evidence(q));
            }
        }
    }

    private static string Paragraphs(Quotation q)
    {
        var last = q.Segments[^1].Paragraph;
        return last == q.FirstParagraph ? $"p{q.FirstParagraph}" : $"p{q.FirstParagraph}–p{last}";
    }

    /// <summary>The quotation's first few words on one line, with … when there are more.</summary>
    internal static string FirstWords(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var shown = string.Join(' ', words.Take(FirstWordCount));
        return words.Length > FirstWordCount ? shown + " …" : shown;
    }

    private static string Source(Quotation q) => q.Basis switch
    {
        AttributionBasis.NotSpeech => "not speech",
        AttributionBasis.Unnamed => $"unnamed: {q.UnnamedSource}",
        _ => q.SpeakerSlug ?? "unattributed",
    };

    private static string Evidence(Quotation q)
    {
        var described = q.Evidence.Describe();
        var candidates = q.Evidence.CandidateSlugs;
        return q.Basis == AttributionBasis.Unattributed && candidates.Length > 0
            ? $"{described}; candidates: {string.Join(", ", candidates)}"
            : described;
    }

    /// <summary>Columns padded to their widest cell, the last not padded: nothing is cut, so a redirected report keeps every word.</summary>
    private void WriteText(List<Row> rows)
    {
        if (rows.Count > 0)
        {
            var table = rows.Select(r => r.Cells.Select(OneLine).ToArray()).Prepend(Headings).ToList();
            var widths = Enumerable.Range(0, Headings.Length).Select(c => table.Max(cells => cells[c].Length)).ToArray();
            foreach (var cells in table)
            {
                var line = new StringBuilder();
                for (var c = 0; c < cells.Length; c++)
                    line.Append(c + 1 < cells.Length ? cells[c].PadRight(widths[c] + 2) : cells[c]);
                stdout.WriteLine(line.ToString().TrimEnd());
            }
            stdout.WriteLine();
        }
    }

    /// <summary>RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line end.</summary>
    private void WriteCsv(List<Row> rows)
    {
        string[] header = ["article", "paragraph", "first_words", "speaker", "unnamed", "basis", "rule", "cue", "source", "evidence"];
        stdout.Write(CsvLine(header));
        foreach (var r in rows)
        {
            var q = r.Quote;
            var e = q.Evidence;
            stdout.Write(CsvLine([
                r.Article, r.Paragraph, r.FirstWords, q.IsSpeech ? q.SpeakerSlug : null, q.UnnamedSource,
                q.Basis.ToString().ToLowerInvariant(), e.Rule, e.Cue, e.Source, r.Evidence,
            ]));
        }
    }

    internal static string CsvLine(IEnumerable<string?> fields) =>
        string.Join(',', fields.Select(f => f ?? "").Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f)) + "\r\n";

    private void WriteMarkdown(List<Row> rows)
    {
        stdout.WriteLine(MarkdownLine(Headings));
        stdout.WriteLine(MarkdownLine(Headings.Select(_ => "---")));
        foreach (var r in rows) stdout.WriteLine(MarkdownLine(r.Cells.Select(MarkdownCell)));
    }

    private static string MarkdownLine(IEnumerable<string> cells) => $"| {string.Join(" | ", cells)} |";

    /// <summary>A cell's text on one line, with the backslash and the pipe (which would end the cell) escaped.</summary>
    internal static string MarkdownCell(string text) => OneLine(text).Replace("\\", "\\\\").Replace("|", "\\|");

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
