using System.Collections.Immutable;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>A seed text, decoded and with LF line ends, split into its paragraphs, that can turn offsets into line:column.</summary>
/// <remarks>
/// The decoded text is not kept: its paragraphs are nearly all of it, and each article's
/// analysis shares their strings, so the record holds every source text once as text (and once
/// as the published bytes) rather than three times: at 10,000 articles that was 65 MB.
/// </remarks>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text, string sha256, byte[]? original = null)
    {
        Path = path;
        Sha256 = sha256;
        Original = original ?? System.Text.Encoding.UTF8.GetBytes(text);
        Paragraphs = ParagraphSplitter.Split(text, out var byLine);
        OneParagraphPerLine = byLine;
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToImmutable();
    }

    public string Path { get; }
    public string Sha256 { get; }

    /// <summary>Every paragraph of the text, none marked omitted (omission is the article's choice, not the source's).</summary>
    public ImmutableArray<Paragraph> Paragraphs { get; }

    /// <summary>Whether the text has no blank line between its lines, so that each line is a paragraph (the build says so in a note).</summary>
    public bool OneParagraphPerLine { get; }

    /// <summary>The file's bytes exactly as in seeds/, published so readers can check the hash.</summary>
    public byte[] Original { get; }

    public SourcePosition PositionOf(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return new SourcePosition(Path, line + 1, offset - _lineStarts[line] + 1);
    }
}
