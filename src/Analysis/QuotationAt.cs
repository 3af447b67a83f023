using System.Collections.Immutable;

namespace CaseRecord.Analysis;

/// <summary>Which quotation, if any, holds a position of the text.</summary>
public static class QuotationAt
{
    /// <summary>
    /// The quotation whose words hold <paramref name="position"/> of paragraph <paramref name="paragraph"/>:
    /// quotations come in reading order and never overlap, so only the last one opened at or before
    /// the position can hold it (found by halving, as a long article has thousands).
    /// </summary>
    public static Quotation? Find(ImmutableArray<Quotation> quotations, int paragraph, int position)
    {
        int lo = 0, hi = quotations.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = quotations[mid].Segments[0];
            if (s.Paragraph < paragraph || (s.Paragraph == paragraph && s.Start <= position)) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return null;
        var q = quotations[found];
        return q.Segments.Any(s => s.Paragraph == paragraph && s.Start <= position && position < s.End) ? q : null;
    }
}
