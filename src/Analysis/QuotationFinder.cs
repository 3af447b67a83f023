using System.Collections.Immutable;
using CaseRecord.Content;

namespace CaseRecord.Analysis;

/// <summary>A quotation found in the text, before attribution.</summary>
public sealed record FoundQuotation(ImmutableArray<QuoteSegment> Segments, bool IsClosed, bool IsPartial);

/// <summary>
/// Finds quotations in one pass over the paragraphs (linear time whatever the input): curly or
/// straight double quotes; single quotes inside belong to the quotation; a quotation left open at
/// a paragraph's end runs on into the next, which may re-open it with a mark or not.
/// </summary>
public static class QuotationFinder
{
    public static bool IsOpening(char c) => c is '“' or '"' or '„';
    public static bool IsClosing(char c) => c is '”' or '"';

    public static ImmutableArray<FoundQuotation> Find(IReadOnlyList<Paragraph> paragraphs, QuoteMarks marks = QuoteMarks.Double)
    {
        var found = ImmutableArray.CreateBuilder<FoundQuotation>();
        var segments = ImmutableArray.CreateBuilder<QuoteSegment>();
        var open = false;
        var depth = 0;
        var openedIn = "";

        void Close(bool closed)
        {
            var first = segments[0];
            found.Add(new FoundQuotation(segments.ToImmutable(), closed, segments.Count == 1 && IsPartial(openedIn, first)));
            segments.Clear();
            open = false;
            depth = 0;
        }

        foreach (var p in paragraphs)
        {
            if (p.Omitted) continue;
            var text = p.Text;
            var i = 0;
            var segStart = 0;
            if (open)
            {
                if (text.Length > 0 && IsOpening(text[0]))
                {
                    // The usual re-opening mark of a continued paragraph.
                    segStart = 0;
                    i = 1;
                    depth = 1;
                }
                else if (!ClosesBeforeOpening(text))
                {
                    // Nothing here closes the quotation: it was never closed. End it where its last paragraph ended.
                    Close(closed: false);
                }
            }

            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (!open)
                {
                    if (IsOpening(c))
                    {
                        open = true;
                        depth = 1;
                        segStart = i;
                        openedIn = text;
                    }
                    continue;
                }
                if (c == '"')
                {
                    depth = 0;
                }
                else if (c is '“' or '„')
                {
                    depth++;
                    continue;
                }
                else if (c == '”')
                {
                    depth--;
                }
                else continue;

                if (depth <= 0)
                {
                    segments.Add(new QuoteSegment(p.Number, segStart, i + 1));
                    Close(closed: true);
                }
            }
            if (open) segments.Add(new QuoteSegment(p.Number, segStart, text.Length));
        }
        if (open) Close(closed: false);
        return found.ToImmutable();
    }

    /// <summary>A continued paragraph without an opening mark still belongs to the quotation if it closes it.</summary>
    private static bool ClosesBeforeOpening(string text)
    {
        foreach (var c in text)
        {
            if (c == '”' || c == '"') return true;
            if (c == '“') return false;
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
    /// <summary>The quotation's words without the marks that open and close it in this paragraph.</summary>
    public static ReadOnlyMemory<char> Inner(string text, QuoteSegment s)
    {
        var a = s.Start;
        var b = s.End;
        if (a < b && QuotationFinder.IsOpening(text[a])) a++;
        if (b > a && QuotationFinder.IsClosing(text[b - 1])) b--;
        return text.AsMemory(a, b - a).Trim();
    }
}
