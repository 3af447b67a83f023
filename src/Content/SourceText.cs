using System.Collections.Immutable;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>A seed text, decoded and with LF line ends, that can turn offsets into line:column.</summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string path, string text, string sha256, byte[]? original = null)
    {
        Path = path;
        Text = text;
        Sha256 = sha256;
        Original = original ?? System.Text.Encoding.UTF8.GetBytes(text);
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToImmutable();
    }

    public string Path { get; }
    public string Text { get; }
    public string Sha256 { get; }

    /// <summary>The file's bytes exactly as in seeds/, published so readers can check the hash.</summary>
    public byte[] Original { get; }

    public SourcePosition PositionOf(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return new SourcePosition(Path, line + 1, offset - _lineStarts[line] + 1);
    }
}
