using System.Buffers;
using System.Collections.Immutable;

namespace CaseRecord.Output;

/// <summary>
/// A write buffer made of fixed chunks, handed on as they are (or copied once into an exact
/// array). The record's data file runs to hundreds of megabytes at ten thousand articles; a
/// doubling buffer would copy it again at every doubling and leave large arrays behind.
/// </summary>
public sealed class ChunkedBuffer : IBufferWriter<byte>
{
    // Below the large object heap's threshold, so chunks are cheap to allocate and to collect.
    private const int ChunkSize = 64 * 1024;
    private readonly List<(byte[] Bytes, int Used)> _full = [];
    private byte[] _current = new byte[ChunkSize];
    private int _used;
    private long _length;

    public long Length => _length;

    public void Advance(int count)
    {
        if (count < 0 || _used + count > _current.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).Span;

    private Memory<byte> Reserve(int sizeHint)
    {
        var need = Math.Max(1, sizeHint);
        if (_current.Length - _used < need)
        {
            if (_used > 0) _full.Add((_current, _used));
            _current = new byte[Math.Max(ChunkSize, need)];
            _used = 0;
        }
        return _current.AsMemory(_used);
    }

    /// <summary>The chunks written, in order, without copying them.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> Pieces()
    {
        var pieces = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(_full.Count + 1);
        foreach (var (bytes, used) in _full) pieces.Add(bytes.AsMemory(0, used));
        pieces.Add(_current.AsMemory(0, _used));
        return pieces.MoveToImmutable();
    }

    public byte[] ToArray() => OutputFile.Join(Pieces(), _length);
}
