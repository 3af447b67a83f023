using System.Collections.Immutable;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>A seed text, decoded and with LF line ends, that can turn offsets into line:column.</summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text, string sha256)
    {
        Path = path;
        Text = text;
        Sha256 = sha256;
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToImmutable();
    }

    public string Path { get; }
    public string Text { get; }
    public string Sha256 { get; }

    public SourcePosition PositionOf(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return new SourcePosition(Path, line + 1, offset - _lineStarts[line] + 1);
    }
}
