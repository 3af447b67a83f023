using System.Collections.Immutable;

namespace CaseRecord.Content;

/// <summary>Paragraph <see cref="Number"/> of a source, with <see cref="Start"/> its offset in the source text.</summary>
public sealed record Paragraph(int Number, int Start, string Text, bool Omitted)
{
    public string Anchor => $"p{Number}";
}

/// <summary>
/// Splits a source text into paragraphs: at blank lines, or, in a text with no blank line between
/// its lines (as many exports and copy-pastes give), one paragraph per line. Numbering counts
/// every paragraph.
/// </summary>
public static class ParagraphSplitter
{
    public static ImmutableArray<Paragraph> Split(string text, IReadOnlySet<string> omitted) => Mark(Split(text), omitted);

    /// <summary>The paragraphs of a source with the article's omitted ones marked; their texts are the source's strings, not copies.</summary>
    public static ImmutableArray<Paragraph> Mark(ImmutableArray<Paragraph> paragraphs, IReadOnlySet<string> omitted) =>
        omitted.Count == 0 ? paragraphs : [.. paragraphs.Select(p => omitted.Contains(p.Text) ? p with { Omitted = true } : p)];

    /// <summary>The paragraphs of a text, none omitted.</summary>
    public static ImmutableArray<Paragraph> Split(string text) => Split(text, out _);

    /// <summary>The paragraphs of a text, none omitted.</summary>
    /// <param name="byLine">Whether each line was taken as a paragraph: the text has more than one
    /// line and no blank line between them (blank lines before the first line or after the last
    /// separate nothing, so do not count).</param>
    public static ImmutableArray<Paragraph> Split(string text, out bool byLine)
    {
        var blocks = Blocks(text);
        byLine = blocks.Count == 1 && text.AsSpan(blocks[0].Start, blocks[0].End - blocks[0].Start).Contains('\n');
        if (byLine) blocks = Lines(text, blocks[0].Start, blocks[0].End);
        var result = ImmutableArray.CreateBuilder<Paragraph>(blocks.Count);
        foreach (var (start, end) in blocks) result.Add(new Paragraph(result.Count + 1, start, text[start..end], false));
        return result.MoveToImmutable();
    }

    /// <summary>The v1 rule: each run of lines between blank lines, its outer white space trimmed.</summary>
    private static List<(int Start, int End)> Blocks(string text)
    {
        var result = new List<(int, int)>();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            // Skip blank lines.
            var lineStart = i;
            var lineEnd = LineEnd(text, lineStart, n);
            if (IsBlank(text, lineStart, lineEnd)) { i = lineEnd + 1; continue; }

            var blockEnd = lineEnd;
            i = lineEnd + 1;
            while (i < n)
            {
                var e = LineEnd(text, i, n);
                if (IsBlank(text, i, e)) break;
                blockEnd = e;
                i = e + 1;
            }
            result.Add(Trimmed(text, lineStart, blockEnd));
        }
        return result;
    }

    /// <summary>Each line of [start, end), a run of lines none of which is blank, trimmed.</summary>
    private static List<(int Start, int End)> Lines(string text, int start, int end)
    {
        var result = new List<(int, int)>();
        for (var i = start; i < end;)
        {
            var e = LineEnd(text, i, end);
            result.Add(Trimmed(text, i, e));
            i = e + 1;
        }
        return result;
    }

    private static int LineEnd(string text, int from, int limit)
    {
        var e = text.IndexOf('\n', from, limit - from);
        return e < 0 ? limit : e;
    }

    private static (int, int) Trimmed(string text, int s, int t)
    {
        while (s < t && char.IsWhiteSpace(text[s])) s++;
        while (t > s && char.IsWhiteSpace(text[t - 1])) t--;
        return (s, t);
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
            if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }
}
