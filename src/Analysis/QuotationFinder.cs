using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using CaseRecord.Content;

namespace CaseRecord.Analysis;

/// <summary>A quotation found in the text, before attribution.</summary>
public sealed record FoundQuotation(ImmutableArray<QuoteSegment> Segments, bool IsClosed, bool IsPartial);

/// <summary>
/// Finds quotations in one pass over the paragraphs (linear time whatever the input). The marks
/// that quote are the <see cref="QuoteMarks"/> setting's: curly or straight double quotes, curly
/// single quotes, or either; inside a quotation the other kind is a nested quote that belongs to
/// it. An apostrophe (it’s, the girls’, ’90s, rock ’n’ roll) is never a quote mark. A quotation
/// left open at a paragraph's end runs on through the paragraphs that re-open it with a mark or
/// have no mark at all, until its closing mark; one that a paragraph neither re-opens nor closes
/// before opening another, or that the text ends in, was never closed, and ends with the last
/// paragraph that re-opened it (or opened it).
/// </summary>
public static class QuotationFinder
{
    private enum Kind { Double, Single }

    private enum Mark { OpenDouble, CloseDouble, StraightDouble, OpenSingle, CloseSingle }

    public static ImmutableArray<FoundQuotation> Find(IReadOnlyList<Paragraph> paragraphs, QuoteMarks marks = QuoteMarks.Double)
    {
        var found = ImmutableArray.CreateBuilder<FoundQuotation>();
        var segments = ImmutableArray.CreateBuilder<QuoteSegment>();
        // Paragraphs with no mark at all after an open quotation's last marked one: its own if a
        // later paragraph re-opens or closes it, given back if it turns out never to be closed.
        var tentative = new List<QuoteSegment>();
        Kind? open = null;
        var depth = 0;
        var openedIn = "";

        void TakeTentative()
        {
            segments.AddRange(tentative);
            tentative.Clear();
        }

        void Close(bool closed)
        {
            tentative.Clear();
            var first = segments[0];
            found.Add(new FoundQuotation(segments.ToImmutable(), closed, segments.Count == 1 && IsPartial(openedIn, first)));
            segments.Clear();
            open = null;
            depth = 0;
        }

        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            var text = p.Text;
            var scan = new MarkScanner(text, marks);
            var from = 0;
            var segStart = 0;
            var segOpens = false;
            if (open is { } continued)
            {
                var first = scan.Next(0, out var mark);
                if (first < 0)
                {
                    // A continued paragraph may lack the opening mark: the quotation runs on, if a later mark says so.
                    tentative.Add(new QuoteSegment(p.Number, 0, text.Length));
                    continue;
                }
                if (first == 0 && OpensKind(mark) == continued)
                {
                    // The usual re-opening mark of a continued paragraph.
                    TakeTentative();
                    segOpens = true;
                    from = 1;
                    depth = 1;
                }
                else if (ClosesBeforeOpening(ref scan, first, mark, continued)) TakeTentative();
                else
                {
                    // This opens another quotation before closing the open one: that was never closed.
                    // It ends where its last marked paragraph ended.
                    Close(closed: false);
                }
            }

            for (var i = scan.Next(from, out var mark); i >= 0; i = scan.Next(i + 1, out mark))
            {
                if (open is not { } kind)
                {
                    if (OpensKind(mark) is { } opens)
                    {
                        open = opens;
                        depth = 1;
                        segStart = i;
                        segOpens = true;
                        openedIn = text;
                    }
                    continue;
                }
                if (!Counts(mark, kind, ref depth)) continue;
                if (depth <= 0)
                {
                    segments.Add(new QuoteSegment(p.Number, segStart, i + 1) { StartsWithMark = segOpens, EndsWithMark = true });
                    Close(closed: true);
                }
            }
            if (open is not null) segments.Add(new QuoteSegment(p.Number, segStart, text.Length) { StartsWithMark = segOpens });
        }
        if (open is not null) Close(closed: false);
        return found.ToImmutable();
    }

    /// <summary>The kind of quotation a mark opens, if it opens one.</summary>
    private static Kind? OpensKind(Mark mark) => mark switch
    {
        Mark.OpenDouble or Mark.StraightDouble => Kind.Double,
        Mark.OpenSingle => Kind.Single,
        _ => null,
    };

    private static bool IsClosingOf(Mark mark, Kind kind) =>
        kind == Kind.Double ? mark is Mark.CloseDouble or Mark.StraightDouble : mark == Mark.CloseSingle;

    /// <summary>What a mark does to an open quotation of <paramref name="kind"/>: false when it is of the other kind, a nested quote.</summary>
    private static bool Counts(Mark mark, Kind kind, ref int depth)
    {
        switch (mark)
        {
            case Mark.StraightDouble when kind == Kind.Double: depth = 0; return true;
            case Mark.OpenDouble when kind == Kind.Double:
            case Mark.OpenSingle when kind == Kind.Single: depth++; return true;
            case Mark.CloseDouble when kind == Kind.Double:
            case Mark.CloseSingle when kind == Kind.Single: depth--; return true;
            default: return false;
        }
    }

    /// <summary>A continued paragraph without an opening mark still belongs to the quotation if it closes it before opening another.</summary>
    private static bool ClosesBeforeOpening(ref MarkScanner scan, int at, Mark mark, Kind kind)
    {
        for (; at >= 0; at = scan.Next(at + 1, out mark))
        {
            if (IsClosingOf(mark, kind)) return true;
            if (OpensKind(mark) is not null) return false;
        }
        return false;
    }

    /// <summary>
    /// A quotation that stands inside a sentence ("may have led “to a reluctance …”") rather than
    /// starting it or following a colon.
    /// </summary>
    private static bool IsPartial(string text, QuoteSegment s)
    {
        var inner = s.Start + 1;
        if (inner < text.Length && char.IsLower(text[inner])) return true;
        var k = s.Start - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k])) k--;
        if (k < 0) return false;
        return char.IsLetterOrDigit(text[k]);
    }

    /// <summary>The quotation's words without the marks that open and close it in this paragraph (never an apostrophe of the words).</summary>
    public static ReadOnlyMemory<char> Inner(string text, QuoteSegment s)
    {
        var a = s.Start;
        var b = s.End;
        if (s.StartsWithMark && a < b) a++;
        if (s.EndsWithMark && b > a) b--;
        return text.AsMemory(a, b - a).Trim();
    }

    private static readonly SearchValues<char> DoubleMarks = SearchValues.Create("“”\"„");
    private static readonly SearchValues<char> SingleMarks = SearchValues.Create("‘’");
    private static readonly SearchValues<char> AllMarks = SearchValues.Create("“”\"„‘’");

    /// <summary>
    /// The quote marks of one paragraph in order, for the marks in use: a ‘ opens only at the start
    /// of a word, a ’ closes only at the end of one; every other ‘ and ’ is an apostrophe.
    /// </summary>
    private struct MarkScanner(string text, QuoteMarks marks)
    {
        private readonly SearchValues<char> _search = marks switch
        {
            QuoteMarks.Single => SingleMarks,
            QuoteMarks.Both => AllMarks,
            _ => DoubleMarks,
        };

        /// <summary>Where the last ’ that surely closes stands (-1: none), found when first needed.</summary>
        private int? _lastSureClosing;

        /// <summary>The index of the first mark at or after <paramref name="from"/>, or -1.</summary>
        public int Next(int from, out Mark mark)
        {
            while (from < text.Length)
            {
                var k = text.AsSpan(from).IndexOfAny(_search);
                if (k < 0) break;
                var i = from + k;
                switch (text[i])
                {
                    case '“' or '„': mark = Mark.OpenDouble; return i;
                    case '”': mark = Mark.CloseDouble; return i;
                    case '"': mark = Mark.StraightDouble; return i;
                    case '‘' when OpensSingle(text, i): mark = Mark.OpenSingle; return i;
                    case '’' when ClosesSingle(i): mark = Mark.CloseSingle; return i;
                }
                from = i + 1;
            }
            mark = default;
            return -1;
        }

        /// <summary>
        /// A ’ at the end of a word, unless it is rock ’n’ roll's; after an s and before a word (the
        /// girls’ homes), a plural possessive when a ’ that surely closes follows in the paragraph.
        /// </summary>
        private bool ClosesSingle(int i)
        {
            if (!SurelyClosesSingle(text, i)) return false;
            if (!IsPluralPossessive(text, i)) return true;
            _lastSureClosing ??= LastSureClosing(text);
            return _lastSureClosing <= i;
        }

        private static int LastSureClosing(string text)
        {
            for (var j = text.LastIndexOf('’'); j >= 0; j = j == 0 ? -1 : text.LastIndexOf('’', j - 1))
                if (SurelyClosesSingle(text, j) && !IsPluralPossessive(text, j)) return j;
            return -1;
        }
    }

    private static bool OpensSingle(string text, int i) =>
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && (i == 0 || StartsWordAfter(text[i - 1])) && !IsElidedN(text, i);

    /// <summary>A ’ after a word's last character and before white space, punctuation or the end; not the last mark of ’n’.</summary>
    private static bool SurelyClosesSingle(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1])
        && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || char.IsPunctuation(text[i + 1]))
        && !IsElidedN(text, i - 2);

    /// <summary>s’ then a space and a word: the girls’ homes, or a quotation closing before "she said".</summary>
    private static bool IsPluralPossessive(string text, int i) =>
        text[i - 1] is 's' or 'S' && i + 2 < text.Length && char.IsWhiteSpace(text[i + 1]) && char.IsLetterOrDigit(text[i + 2]);

    private static bool StartsWordAfter(char c) =>
        char.IsWhiteSpace(c) || c == '"' || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.DashPunctuation;

    /// <summary>The word ’n’ (rock ’n’ roll) starting at <paramref name="at"/>, with either single mark first.</summary>
    private static bool IsElidedN(string text, int at) =>
        at >= 0 && at + 2 < text.Length
        && text[at] is '‘' or '’' && text[at + 1] is 'n' or 'N' && text[at + 2] == '’'
        && (at == 0 || char.IsWhiteSpace(text[at - 1]))
        && (at + 3 == text.Length || char.IsWhiteSpace(text[at + 3]) || char.IsPunctuation(text[at + 3]));
}
