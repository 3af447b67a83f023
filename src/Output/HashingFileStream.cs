using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace CaseRecord.Output;

/// <summary>
/// A write-only stream into an open file that hashes what passes through it, so a file made
/// piece by piece gets the same manifest entry as one written whole (<see cref="Manifest.Hash"/>).
/// </summary>
internal sealed class HashingFileStream(SafeFileHandle file) : Stream
{
    private readonly XxHash128 _hash = new();
    private long _length;

    /// <summary>The hash and size of everything written, when the writing is done.</summary>
    public (UInt128 Hash, long Length) Finish() => (_hash.GetCurrentHashAsUInt128(), _length);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        RandomAccess.Write(file, buffer, _length);
        _hash.Append(buffer);
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
