using System.Collections.Immutable;

namespace CaseRecord.Output;

/// <summary>
/// One file of the built site: a forward-slash path relative to the output root, and its bytes,
/// held whole or, for a file made of many reused pieces (the record's data file), as those
/// pieces, which are joined only when something asks for the whole array.
/// </summary>
public sealed class OutputFile
{
    private readonly ImmutableArray<ReadOnlyMemory<byte>> _pieces;
    private byte[]? _content;

    public OutputFile(string path, byte[] content)
    {
        Path = path;
        _content = content;
        _pieces = [content];
        Length = content.LongLength;
    }

    public OutputFile(string path, ImmutableArray<ReadOnlyMemory<byte>> pieces)
    {
        Path = path;
        _pieces = pieces;
        foreach (var p in pieces) Length += p.Length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>The bytes in order, without joining them.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> Pieces => _pieces;

    /// <summary>The bytes as one array (joined on first use, then kept).</summary>
    public byte[] Content => _content ??= Join(_pieces, Length);

    internal static byte[] Join(IEnumerable<ReadOnlyMemory<byte>> pieces, long length)
    {
        var result = new byte[length];
        var at = 0;
        foreach (var p in pieces)
        {
            p.Span.CopyTo(result.AsSpan(at));
            at += p.Length;
        }
        return result;
    }

    /// <summary>Whether two files hold the same bytes, compared piece by piece without joining.</summary>
    public bool SameBytes(OutputFile other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (Length != other.Length) return false;
        int i = 0, j = 0, offsetA = 0, offsetB = 0;
        while (i < _pieces.Length && j < other._pieces.Length)
        {
            var a = _pieces[i].Span[offsetA..];
            var b = other._pieces[j].Span[offsetB..];
            var n = Math.Min(a.Length, b.Length);
            if (!a[..n].SequenceEqual(b[..n])) return false;
            offsetA += n;
            offsetB += n;
            if (offsetA == _pieces[i].Length) { i++; offsetA = 0; }
            if (offsetB == other._pieces[j].Length) { j++; offsetB = 0; }
        }
        return true;
    }

    /// <summary>Writes the bytes at the start of an open file, piece by piece at their offsets (no stream, no buffer copy).</summary>
    public void WriteTo(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        long at = 0;
        foreach (var p in _pieces)
        {
            System.IO.RandomAccess.Write(file, p.Span, at);
            at += p.Length;
        }
    }
}
