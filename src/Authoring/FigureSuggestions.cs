using CaseRecord.Analysis;
using System.Text.RegularExpressions;
using CaseRecord.Content;

namespace CaseRecord.Authoring;

/// <summary>A number of the text as a key figure to uncomment: its words, unique in the text, and what the words suggest of its kind.</summary>
public sealed record FigureSuggestion(string Id, string Label, string Match, int Paragraph, string? Kind, int? Occurrence);

/// <summary>
/// Every number written in digits in the shown paragraphs, with a <c>match</c> the build would
/// locate: the number and the few words after it (or before it, at the end of a clause),
/// lengthened until the words occur once in the text, else given an <c>occurrence</c>.
/// </summary>
public static partial class FigureSuggestions
{
    private const int FirstWords = 3;
    private const int MostWords = 8;

    private static readonly HashSet<string> Small = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "and", "but", "or", "by", "from", "as", "that", "than", "was", "were", "is", "are",
    };

    /// <summary>A date written out, "12 February 2022" or "February 2022": one figure of kind date, not a count and a year.</summary>
    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static List<FigureSuggestion> From(IReadOnlyList<Paragraph> paragraphs, IReadOnlySet<string> takenIds)
    {
        var shown = paragraphs.Where(p => !p.Omitted).ToList();
        var folded = shown.Select(p => NameMatcher.FoldQuotes(p.Text)).ToList();
        var ids = new HashSet<string>(takenIds, StringComparer.Ordinal);
        var result = new List<FigureSuggestion>();
        for (var i = 0; i < shown.Count; i++)
        {
            var p = shown[i];
            var here = new List<(int Start, FigureSuggestion Figure)>();
            var dates = DatePattern().Matches(p.Text).Where(m => FigureValues.Date(m.Value) is not null).ToList();
            FigureSuggestion? Suggest(int start, int end, string label, string idWords, string? kind)
            {
                var hits = Hits(folded, NameMatcher.FoldQuotes(p.Text[start..end]));
                var at = hits.IndexOf((i, start));
                // Found again inside an earlier hit of the same words, the locator could not reach it.
                if (at < 0) return null;
                return new FigureSuggestion(Unique(SlugMaker.From(idWords, 5), p.Number, ids), label, p.Text[start..end], p.Number, kind,
                    hits.Count > 1 ? at + 1 : null);
            }
            foreach (var d in dates)
                if (Suggest(d.Index, d.Index + d.Length, $"the date {d.Value} in p{p.Number}", d.Value, "date") is { } date) here.Add((d.Index, date));
            foreach (var (numberStart, numberEnd, number) in FigureLocator.Numbers(p.Text))
            {
                if (dates.Any(d => d.Index <= numberStart && numberEnd <= d.Index + d.Length)) continue;
                var (start, end) = Written(p.Text, numberStart, numberEnd);
                var (matchStart, matchEnd) = Widen(p.Text, start, end, folded, FirstWords);
                for (var words = FirstWords + 1; Count(folded, Fold(p.Text, matchStart, matchEnd)) > 1 && words <= MostWords; words++)
                    (matchStart, matchEnd) = Widen(p.Text, start, end, folded, words);
                var named = Words(p.Text[matchStart..matchEnd]).Where(w => !w.Any(char.IsDigit)).ToList();
                var label = named.Any(w => !Small.Contains(w)) ? string.Join(' ', named) : $"the number {p.Text[start..end]} in p{p.Number}";
                var kind = KindOf(p.Text[start..end], p.Text[end..matchEnd], number);
                if (Suggest(matchStart, matchEnd, label, string.Join(' ', named.Where(w => !Small.Contains(w))), kind) is { } figure) here.Add((matchStart, figure));
            }
            result.AddRange(here.OrderBy(h => h.Start).Select(h => h.Figure));
        }
        return result;
    }

    /// <summary>Up to <paramref name="words"/> words after the number within its clause, or, when none follow, before it.</summary>
    private static (int Start, int End) Widen(string text, int start, int end, List<string> folded, int words)
    {
        var after = end;
        var taken = 0;
        // Words after take no digits either: one figure's words, not the next figure's.
        while (taken < words && NextWord(text, after) is { } next && !text[after..next].Any(char.IsDigit)) { after = next; taken++; }
        after = TrimSmallWords(text, end, after);
        if (after > end) return (start, after);
        var before = start;
        taken = 0;
        // Words before take no digits: the figure's value is the first number of its match.
        while (taken < words && PreviousWord(text, before) is { } previous && !text[previous..before].Any(char.IsDigit)) { before = previous; taken++; }
        return (before, end);
    }

    /// <summary>The end of the word after <paramref name="at"/>, when only spaces stand between.</summary>
    private static int? NextWord(string text, int at)
    {
        var i = at;
        while (i < text.Length && text[i] == ' ') i++;
        if (i == at || i >= text.Length || !IsWordChar(text[i])) return null;
        while (i < text.Length && IsWordChar(text[i])) i++;
        return i;
    }

    private static int? PreviousWord(string text, int at)
    {
        var i = at;
        while (i > 0 && text[i - 1] == ' ') i--;
        if (i == at || i == 0 || !IsWordChar(text[i - 1])) return null;
        while (i > 0 && IsWordChar(text[i - 1])) i--;
        return i;
    }

    /// <summary>"26 offences recorded" rather than "26 offences recorded but": a match does not end on a small word.</summary>
    private static int TrimSmallWords(string text, int end, int after)
    {
        while (after > end)
        {
            var wordStart = after;
            while (wordStart > end && IsWordChar(text[wordStart - 1])) wordStart--;
            if (!Small.Contains(text[wordStart..after])) break;
            after = wordStart;
            while (after > end && text[after - 1] == ' ') after--;
        }
        return after;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '%';

    /// <summary>The number with what is written onto it: a currency symbol before, a scale, a unit or % after (£2.3m, 26%, 1990s).</summary>
    private static (int Start, int End) Written(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '£' or '$' or '€') start--;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '%')) end++;
        return (start, end);
    }

    private static IEnumerable<string> Words(string match) => match.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Fold(string text, int start, int end) => NameMatcher.FoldQuotes(text[start..end]);

    private static int Count(List<string> folded, string needle) => Hits(folded, needle).Count;

    /// <summary>Where the words occur, counted as the figure locator counts them.</summary>
    private static List<(int Paragraph, int Start)> Hits(List<string> folded, string needle)
    {
        var hits = new List<(int, int)>();
        for (var i = 0; i < folded.Count; i++)
            for (var from = 0; (from = folded[i].IndexOf(needle, from, StringComparison.Ordinal)) >= 0; from += Math.Max(1, needle.Length))
                hits.Add((i, from));
        return hits;
    }

    /// <summary>The kind the number's own writing and the words after it suggest: 26%, 15 per cent, £2.3m, 10 years, 2007; else a count.</summary>
    private static string? KindOf(string written, string after, string number)
    {
        if (written.EndsWith('%') || after.StartsWith(" per cent", StringComparison.OrdinalIgnoreCase)) return "percent";
        if (FigureValues.Money(written) is { HasSymbol: true }) return "money";
        if (FigureValues.DurationUnit(written + after) is not null && !written.Any(char.IsLetter)) return "duration";
        if (number.Length == 4 && number.All(char.IsDigit) && int.Parse(number) is >= 1800 and <= 2100) return "year";
        return null;
    }

    private static string Unique(string id, int paragraph, HashSet<string> ids)
    {
        if (!Slug.IsValid(id)) id = $"p{paragraph}-figure";
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }
}
