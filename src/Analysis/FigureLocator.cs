using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>Finds each key figure's <c>match</c> in the non-omitted text and works out its value.</summary>
public static partial class FigureLocator
{
    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    public static ImmutableArray<LocatedFigure> Locate(
        ArticleDoc doc, SourceText source, ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<Quotation> quotations, DiagnosticList diagnostics, IReadOnlyDictionary<string, CaseFigureDoc>? caseFigures = null)
    {
        caseFigures ??= ImmutableDictionary<string, CaseFigureDoc>.Empty;
        var result = ImmutableArray.CreateBuilder<LocatedFigure>();
        var folded = paragraphs.Select(p => NameMatcher.FoldQuotes(p.Text)).ToArray();
        var seenIds = new Dictionary<string, FigureSpec>(StringComparer.Ordinal);
        foreach (var item in doc.Figures)
        {
            if (seenIds.TryGetValue(item.Id, out var firstSpec))
            {
                diagnostics.Error(item.IdAt, item.IsStatement && firstSpec.IsStatement
                    ? $"figure '{item.Id}' is stated twice in this article (also at {firstSpec.IdAt}); keep one, with 'occurrence: N' if the words recur"
                    : $"duplicate figure id '{item.Id}' (also at {firstSpec.IdAt}); ids must be unique across the site");
                continue;
            }
            seenIds[item.Id] = item;
            if (Resolve(item, caseFigures, diagnostics) is not { } spec) continue;

            var needle = NameMatcher.FoldQuotes(spec.Match.Value);
            var hits = new List<(int Paragraph, int Start)>();
            for (var i = 0; i < paragraphs.Length; i++)
            {
                if (paragraphs[i].Omitted) continue;
                var from = 0;
                while ((from = folded[i].IndexOf(needle, from, StringComparison.Ordinal)) >= 0)
                {
                    hits.Add((i, from));
                    from += Math.Max(1, needle.Length);
                }
            }
            if (hits.Count == 0)
            {
                var hint = paragraphs.Where((p, i) => !p.Omitted && folded[i].Contains(needle, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
                diagnostics.Error(spec.Match.At, $"figure '{spec.Id}': match '{spec.Match.Value}' is not in the text of {source.Path}" +
                    (hint is null ? "; copy the words exactly from the source" : $" (it is in {hint.Anchor} with other capitals; copy them exactly)"));
                continue;
            }
            int chosen;
            if (spec.Occurrence is { } occ)
            {
                if (occ.Value < 1 || occ.Value > hits.Count)
                {
                    diagnostics.Error(occ.At, $"figure '{spec.Id}': occurrence {occ.Value} asked for, but '{spec.Match.Value}' occurs {hits.Count} time{(hits.Count == 1 ? "" : "s")}");
                    continue;
                }
                chosen = occ.Value - 1;
            }
            else if (hits.Count > 1)
            {
                diagnostics.Error(spec.Match.At, $"figure '{spec.Id}': match '{spec.Match.Value}' occurs {hits.Count} times ({string.Join(", ", hits.Select(h => paragraphs[h.Paragraph].Anchor))}); add 'occurrence: N' or longer words");
                continue;
            }
            else chosen = 0;

            decimal value;
            string? currency = null, unit = spec.Unit, written = null;
            PartialDate? date = null;
            if (spec.Kind == FigureKind.Date)
            {
                date = spec.DateValue ?? FigureValues.Date(spec.Match.Value);
                if (date is null)
                {
                    diagnostics.Error(spec.Match.At, $"figure '{spec.Id}': match '{spec.Match.Value}' has no date such as 12 February 2022, February 2022, 2022-02-12 or 2022; add 'value: YYYY-MM-DD'");
                    continue;
                }
                value = FigureValues.DateNumber(date);
            }
            else if (spec.Kind == FigureKind.Money)
            {
                var money = FigureValues.Money(spec.Match.Value);
                if (money?.Currency is { } symbolCurrency && spec.Currency is { } key && key.Value != symbolCurrency && symbolCurrency != "USD")
                {
                    diagnostics.Error(key.At, $"figure '{spec.Id}': 'currency: {key.Value}' disagrees with '{money.Written}' in the match, which is {symbolCurrency}");
                    continue;
                }
                currency = spec.Currency?.Value ?? money?.Currency;
                if (spec.Value is { } v) value = v.Value;
                else if (money is not null)
                {
                    value = money.Amount;
                    // Shown as written (£2.3m) when the words carry a symbol or pence, and the currency is theirs.
                    if (money.HasSymbol && (spec.Currency is null || spec.Currency.Value == money.Currency)) written = money.Written;
                }
                else
                {
                    diagnostics.Error(spec.Match.At, $"figure '{spec.Id}': match '{spec.Match.Value}' has no number written in digits; add 'value:'");
                    continue;
                }
            }
            else if (spec.Value is { } v) value = v.Value;
            else if (FirstNumber(spec.Match.Value) is { } n) value = n;
            else
            {
                diagnostics.Error(spec.Match.At, $"figure '{spec.Id}': match '{spec.Match.Value}' has no number written in digits; add 'value:'");
                continue;
            }
            if (spec.Kind == FigureKind.Duration) unit ??= FigureValues.DurationUnit(spec.Match.Value);

            var (pi, start) = hits[chosen];
            var p = paragraphs[pi];
            var end = start + spec.Match.Value.Length;
            var q = quotations.FirstOrDefault(q => q.Segments.Any(s => s.Paragraph == p.Number && s.Start <= start && end <= s.End));
            var (ss, se) = SentenceSplitter.SentenceAt(p.Text, start);
            if (end > se) se = Math.Min(p.Text.Length, SentenceSplitter.SentenceAt(p.Text, end - 1).End);
            result.Add(new LocatedFigure(spec, value, p.Number, start, end, p.Text[ss..se].Trim(),
                q?.Id, q is { IsSpeech: true } ? q.SpeakerSlug : null, currency, date, unit, written));
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// A statement of a case-level figure made whole with its figure file's label, kind, unit,
    /// event and <c>of</c>, its <c>value</c> read by that kind; a figure of the article alone as it
    /// is, unless its id is taken by a case-level figure. Null after an error.
    /// </summary>
    private static FigureSpec? Resolve(FigureSpec item, IReadOnlyDictionary<string, CaseFigureDoc> caseFigures, DiagnosticList diagnostics)
    {
        if (!item.IsStatement)
        {
            if (!caseFigures.TryGetValue(item.Id, out var taken)) return item;
            diagnostics.Error(item.IdAt, $"figure id '{item.Id}' is the case-level figure of {taken.Path}; state it with 'figure: {item.Id}' and 'match' (its label is the file's)");
            return null;
        }
        if (!caseFigures.TryGetValue(item.Id, out var fact))
        {
            diagnostics.Error(item.IdAt, KeySuggester.Suggest(item.Id, caseFigures.Keys) is { } close
                ? $"figure '{item.Id}' names no case-level figure: did you mean '{close}'? If not, add input/figures/{item.Id}.md, or give 'id' and 'label' for a figure of this article alone"
                : $"figure '{item.Id}' names no case-level figure: add input/figures/{item.Id}.md, or give 'id' and 'label' for a figure of this article alone");
            return null;
        }
        Located<decimal>? value = null;
        PartialDate? date = null;
        if (item.ValueText is { } text)
        {
            if (fact.Kind == FigureKind.Date)
            {
                if ((date = DocumentReaders.DateValue(text, diagnostics)) is null) return null;
                value = new(FigureValues.DateNumber(date), text.At);
            }
            else if (decimal.TryParse(text.Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) value = new(n, text.At);
            else
            {
                diagnostics.Error(text.At, $"'value' must be a number, not '{text.Value}'");
                return null;
            }
        }
        if (item.Currency is { } currency && fact.Kind != FigureKind.Money)
        {
            diagnostics.Error(currency.At, $"'currency' is only for figures of kind 'money'; '{fact.Id}' is of kind {fact.Kind.ToString().ToLowerInvariant()} ({fact.Path})");
            return null;
        }
        return item with
        {
            Label = fact.Label, Kind = fact.Kind, Unit = fact.Unit, Event = fact.Event, Of = fact.Of,
            Currency = item.Currency ?? fact.Currency, Value = value, DateValue = date,
        };
    }

    public static decimal? FirstNumber(string text)
    {
        var m = NumberPattern().Match(text);
        if (!m.Success) return null;
        return decimal.TryParse(m.Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>Numbers written in digits, for the "not covered by any figure" warning.</summary>
    public static IEnumerable<(int Start, int End, string Text)> Numbers(string text)
    {
        foreach (Match m in NumberPattern().Matches(text))
        {
            var t = m.Value.TrimEnd(',', '.');
            yield return (m.Index, m.Index + t.Length, t);
        }
    }

}
