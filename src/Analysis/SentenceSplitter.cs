namespace CaseRecord.Analysis;

/// <summary>Finds the sentence around a position; full stops inside quotations or after titles (Mr.) don't end one.</summary>
public static class SentenceSplitter
{
    /// <summary>The [start, end) of the sentence of <paramref name="text"/> that holds <paramref name="position"/>.</summary>
    public static (int Start, int End) SentenceAt(string text, int position, Func<int, bool>? isQuoted = null) =>
        Sentences(text, isQuoted).At(position);

    /// <summary>All the sentences of a text, found in one pass; look-ups are then a binary search.</summary>
    public static Bounds Sentences(string text, Func<int, bool>? isQuoted = null)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = BoundaryAfter(text, i, isQuoted);
            if (end < 0) break;
            starts.Add(start);
            ends.Add(end);
            start = end;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            i = start;
        }
        starts.Add(start);
        ends.Add(text.Length);
        return new Bounds([.. starts], [.. ends]);
    }

    public sealed class Bounds(int[] starts, int[] ends)
    {
        public (int Start, int End) At(int position)
        {
            var i = Index(position);
            return (starts[i], ends[i]);
        }

        /// <summary>The number of the sentence, from 0, that holds <paramref name="position"/>.</summary>
        public int Index(int position)
        {
            // The first sentence whose end lies after the position.
            int lo = 0, hi = ends.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (ends[mid] > position) hi = mid; else lo = mid + 1;
            }
            return lo;
        }
    }

    /// <summary>The end of the sentence that starts at or after <paramref name="from"/>, or -1.</summary>
    private static int BoundaryAfter(string text, int from, Func<int, bool>? isQuoted)
    {
        for (var k = from; k < text.Length; k++)
        {
            var c = text[k];
            if (c is not ('.' or '!' or '?')) continue;
            if (isQuoted is not null && isQuoted(k))
            {
                // A quotation that ends its sentence: "… justice.” She said – the boundary follows the mark.
                var m = k + 1;
                if (m < text.Length && text[m] is '”' or '"' && IsNextSentence(text, m + 1)) return m + 1;
                continue;
            }
            var after = k + 1;
            while (after < text.Length && text[after] is '”' or '"' or '’' or '\'' or ')') after++;
            if (!IsNextSentence(text, after)) continue;
            if (c == '.' && FollowsTitle(text, k)) continue;
            return after;
        }
        return -1;
    }

    private static bool IsNextSentence(string text, int at)
    {
        if (at >= text.Length || !char.IsWhiteSpace(text[at])) return false;
        var k = at;
        while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
        if (k >= text.Length) return false;
        var c = text[k];
        return char.IsUpper(c) || char.IsDigit(c) || c is '“' or '"' or '‘';
    }

    private static bool FollowsTitle(string text, int dot)
    {
        var s = dot;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        var word = text[s..dot];
        return word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "Prof" or "Rev" or "Capt" or "Col" or "Gen" or "Lt" or "Sgt" or "Insp" or "Supt";
    }
}
