using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>
/// Decides who said each quotation, in the order the content format gives: an override; a
/// speaker named (or a pronoun for the most recently named one) in the same sentence, then the
/// same paragraph; for a paragraph that is only a quotation, the previous paragraph's speaker.
/// </summary>
public sealed partial class Attributor(NameMatcher speakers, IReadOnlySet<string> knownSpeakers)
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[Ss]he|[Hh]e|[Tt]hey)(?![\p{L}\p{N}'’])", RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    private sealed record Mention(int Paragraph, int Start, int End, string? Slug);

    public ImmutableArray<Quotation> Attribute(
        ArticleDoc doc,
        SourceText source,
        ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<FoundQuotation> found,
        DiagnosticList diagnostics)
    {
        var quotedRanges = new Dictionary<int, List<QuoteSegment>>();
        foreach (var q in found)
            foreach (var s in q.Segments)
            {
                if (!quotedRanges.TryGetValue(s.Paragraph, out var list)) quotedRanges[s.Paragraph] = list = [];
                list.Add(s);
            }
        // Segments of a paragraph are found in order and never overlap, so a binary search answers.
        bool IsQuoted(int paragraph, int offset)
        {
            if (!quotedRanges.TryGetValue(paragraph, out var list)) return false;
            int lo = 0, hi = list.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (list[mid].End <= offset) lo = mid + 1;
                else if (list[mid].Start > offset) hi = mid - 1;
                else return true;
            }
            return false;
        }

        var listed = doc.Speakers.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var mentions = FindMentions(paragraphs, IsQuoted, listed, source, diagnostics).ToLookup(m => m.Paragraph);
        var overrides = doc.Quotes.Select(o => (Override: o, Key: NameMatcher.FoldQuotes(o.Match.Value), Uses: new List<int>())).ToList();
        foreach (var o in doc.Quotes)
            if (o.Speaker is { } sp && !knownSpeakers.Contains(sp.Value))
                diagnostics.Error(sp.At, $"unknown speaker '{sp.Value}': add input/speakers/{sp.Value}.md or use a known slug (or 'none')");

        var byNumber = paragraphs.ToDictionary(p => p.Number);
        var quotesStartingIn = found.Select((q, i) => (q, i)).ToLookup(x => x.q.Segments[0].Paragraph);
        var paragraphSpeaker = new Dictionary<int, string?>();
        var known = new Dictionary<int, ParagraphFacts>();
        var lastQuoteSpeaker = new Dictionary<int, string>();
        var result = new Quotation?[found.Length];
        Paragraph? previous = null;
        static string folded(ImmutableArray<string> t) => NameMatcher.FoldQuotes(string.Join("\n\n", t));

        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            string? lastSpeakerHere;
            foreach (var (q, index) in quotesStartingIn[p.Number])
            {
                var parts = q.Segments.Select(s => QuotationFinder.Inner(byNumber[s.Paragraph].Text, s)).ToImmutableArray();
                var texts = parts.Select(t => t.ToString()).ToImmutableArray();
                var (slug, basis) = Decide(q, index, p, previous, texts, mentions, paragraphSpeaker, known, overrides, IsQuoted);
                result[index] = new Quotation($"q{index + 1}", q.Segments, parts, q.IsPartial, q.IsClosed, slug, basis, basis == AttributionBasis.Unnamed
                    ? new AttributionEvidence("override-unnamed", Source: doc.Quotes.First(o => o.Unnamed is not null && folded(texts).Contains(NameMatcher.FoldQuotes(o.Match.Value))).Unnamed!.Value)
                    : new AttributionEvidence(basis.ToString().ToLowerInvariant()));
                if (slug is not null && basis != AttributionBasis.NotSpeech)
                    foreach (var s in q.Segments) lastQuoteSpeaker[s.Paragraph] = slug;
                if (basis == AttributionBasis.Unattributed)
                    diagnostics.Warning(source.PositionOf(p.Start + q.Segments[0].Start),
                        $"quotation in {p.Anchor} of {doc.Path} cannot be attributed (\"{Snippet(texts[0])}\"): name the speaker in its sentence or add an override under 'quotes:'");
                if (!q.IsClosed)
                    diagnostics.Warning(source.PositionOf(p.Start + q.Segments[0].Start),
                        $"quotation opened in {p.Anchor} of {doc.Path} is never closed; it is taken to end at the end of p{q.Segments[^1].Paragraph}");
            }
            // The speaker of this paragraph, for a quote-only paragraph that follows it.
            lastSpeakerHere = lastQuoteSpeaker.GetValueOrDefault(p.Number)
                ?? mentions[p.Number].LastOrDefault(m => m.Slug is not null)?.Slug;
            paragraphSpeaker[p.Number] = lastSpeakerHere;
            previous = p;
        }

        foreach (var (o, _, uses) in overrides)
        {
            if (uses.Count == 0)
                diagnostics.Error(o.Match.At, $"override match '{o.Match.Value}' is not inside any quotation of {source.Path}");
            else if (uses.Count > 1)
                diagnostics.Error(o.Match.At, $"override match '{o.Match.Value}' is inside {uses.Count} quotations ({string.Join(", ", uses.Select(u => $"p{found[u].Segments[0].Paragraph}"))}); use words from only one");
        }
        return [.. result.OfType<Quotation>()];
    }

    private (string? Slug, AttributionBasis Basis) Decide(
        FoundQuotation q, int index, Paragraph p, Paragraph? previous, ImmutableArray<string> texts,
        ILookup<int, Mention> mentions, Dictionary<int, string?> paragraphSpeaker, Dictionary<int, ParagraphFacts> known,
        List<(QuoteOverride Override, string Key, List<int> Uses)> overrides, Func<int, int, bool> isQuoted)
    {
        var folded = NameMatcher.FoldQuotes(string.Join("\n\n", texts));
        foreach (var (o, key, uses) in overrides)
        {
            if (key.Length == 0 || !folded.Contains(key, StringComparison.Ordinal)) continue;
            uses.Add(index);
            if (o.Unnamed is not null) return (null, AttributionBasis.Unnamed);
            return o.Speaker is null ? (null, AttributionBasis.NotSpeech) : (o.Speaker.Value, AttributionBasis.Override);
        }

        var first = q.Segments[0];
        var facts = Facts(known, p, mentions, isQuoted);
        var (sStart, sEnd) = facts.Sentences.At(first.Start);
        var inSentence = Nearest(facts.Named, first, sStart, sEnd);
        if (inSentence is not null) return (inSentence.Slug, BasisOf(inSentence, p));
        var inParagraph = Nearest(facts.Named, first, 0, p.Text.Length);
        if (inParagraph is not null) return (inParagraph.Slug, BasisOf(inParagraph, p));

        if (facts.QuoteOnly && previous is not null && paragraphSpeaker.GetValueOrDefault(previous.Number) is { } inherited)
            return (inherited, AttributionBasis.PreviousParagraph);
        return (null, AttributionBasis.Unattributed);
    }

    /// <summary>What attribution needs to know of a paragraph, worked out once however many quotations it holds.</summary>
    private sealed record ParagraphFacts(SentenceSplitter.Bounds Sentences, List<Mention> Named, bool QuoteOnly);

    private static ParagraphFacts Facts(Dictionary<int, ParagraphFacts> known, Paragraph p, ILookup<int, Mention> mentions, Func<int, int, bool> isQuoted)
    {
        if (known.TryGetValue(p.Number, out var facts)) return facts;
        facts = new ParagraphFacts(
            SentenceSplitter.Sentences(p.Text, k => isQuoted(p.Number, k)),
            [.. mentions[p.Number].Where(m => m.Slug is not null).OrderBy(m => m.Start)],
            IsQuoteOnly(p, isQuoted));
        known[p.Number] = facts;
        return facts;
    }

    private static AttributionBasis BasisOf(Mention m, Paragraph p) =>
        Pronoun().IsMatch(p.Text.AsSpan(m.Start, m.End - m.Start)) && m.End - m.Start <= 4 ? AttributionBasis.Pronoun : AttributionBasis.Named;

    /// <summary>
    /// The mention within [from, to) nearest the quotation: the last one before it or the first
    /// after it, found by binary search in mentions sorted by position.
    /// </summary>
    private static Mention? Nearest(List<Mention> sorted, QuoteSegment quote, int from, int to)
    {
        var firstAfter = LowerBound(sorted, quote.End);
        var lastBefore = LowerBound(sorted, quote.Start) - 1;
        while (lastBefore >= 0 && sorted[lastBefore].End > quote.Start) lastBefore--;
        Mention? before = lastBefore >= 0 && sorted[lastBefore].Start >= from ? sorted[lastBefore] : null;
        Mention? after = firstAfter < sorted.Count && sorted[firstAfter].End <= to ? sorted[firstAfter] : null;
        if (before is null) return after;
        if (after is null) return before;
        return quote.Start - before.End <= after.Start - quote.End ? before : after;
    }

    private static int LowerBound(List<Mention> sorted, int position)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].Start < position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool IsQuoteOnly(Paragraph p, Func<int, int, bool> isQuoted)
    {
        for (var k = 0; k < p.Text.Length; k++)
            if (char.IsLetterOrDigit(p.Text[k]) && !isQuoted(p.Number, k)) return false;
        return true;
    }

    /// <summary>Names and pronouns outside quotations, in reading order, pronouns resolved to the most recently named speaker.</summary>
    private List<Mention> FindMentions(ImmutableArray<Paragraph> paragraphs, Func<int, int, bool> isQuoted,
        IReadOnlySet<string> listed, SourceText source, DiagnosticList diagnostics)
    {
        var mentions = new List<Mention>();
        string? lastNamed = null;
        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            var here = new List<(int Start, int End, string? Slug, bool IsPronoun)>();
            foreach (var hit in speakers.Find(p.Text))
            {
                if (isQuoted(p.Number, hit.Start)) continue;
                var slug = hit.IsAmbiguous ? Settle(hit, listed, lastNamed) : hit.Slug;
                if (slug is null)
                    diagnostics.Warning(source.PositionOf(p.Start + hit.Start),
                        $"'{p.Text[hit.Start..hit.End]}' in {p.Anchor} could be {string.Join(" or ", hit.Slugs)}; list the right one under 'speakers:' or give each an alias");
                here.Add((hit.Start, hit.End, slug, false));
            }
            foreach (Match m in Pronoun().Matches(p.Text))
                if (!isQuoted(p.Number, m.Index) && !here.Exists(h => h.Start <= m.Index && m.Index < h.End))
                    here.Add((m.Index, m.Index + m.Length, null, true));
            foreach (var h in here.OrderBy(h => h.Start))
            {
                if (!h.IsPronoun) lastNamed = h.Slug;
                mentions.Add(new Mention(p.Number, h.Start, h.End, h.IsPronoun ? lastNamed : h.Slug));
            }
        }
        return mentions;
    }

    /// <summary>A name form shared by several speakers means the one the article lists, or the one just named.</summary>
    private static string? Settle(NameHit hit, IReadOnlySet<string> listed, string? lastNamed)
    {
        var inArticle = hit.Slugs.Where(listed.Contains).ToList();
        if (inArticle.Count == 1) return inArticle[0];
        if (lastNamed is not null && hit.Slugs.Contains(lastNamed)) return lastNamed;
        return null;
    }

    private static string Snippet(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
