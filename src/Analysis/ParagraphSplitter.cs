using System.Collections.Immutable;

namespace CaseRecord.Analysis;

/// <summary>Splits a source text into paragraphs at blank lines; numbering counts every paragraph.</summary>
public static class ParagraphSplitter
{
    public static ImmutableArray<Paragraph> Split(string text, IReadOnlySet<string> omitted) => Mark(Split(text), omitted);

    /// <summary>The paragraphs of a source with the article's omitted ones marked; their texts are the source's strings, not copies.</summary>
    public static ImmutableArray<Paragraph> Mark(ImmutableArray<Paragraph> paragraphs, IReadOnlySet<string> omitted) =>
        omitted.Count == 0 ? paragraphs : [.. paragraphs.Select(p => omitted.Contains(p.Text) ? p with { Omitted = true } : p)];

    /// <summary>The paragraphs of a text, none omitted.</summary>
    public static ImmutableArray<Paragraph> Split(string text)
    {
        var result = ImmutableArray.CreateBuilder<Paragraph>();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            // Skip blank lines.
            var lineStart = i;
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = n;
            if (IsBlank(text, lineStart, lineEnd)) { i = lineEnd + 1; continue; }

            var blockStart = lineStart;
            var blockEnd = lineEnd;
            i = lineEnd + 1;
            while (i < n)
            {
                var e = text.IndexOf('\n', i);
                if (e < 0) e = n;
                if (IsBlank(text, i, e)) break;
                blockEnd = e;
                i = e + 1;
            }
            var s = blockStart;
            while (s < blockEnd && char.IsWhiteSpace(text[s])) s++;
            var t = blockEnd;
            while (t > s && char.IsWhiteSpace(text[t - 1])) t--;
            result.Add(new Paragraph(result.Count + 1, s, text[s..t], false));
        }
        return result.ToImmutable();
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
            if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }
}
