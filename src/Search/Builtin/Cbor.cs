using System.Buffers.Binary;
using System.Text;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// The part of CBOR (RFC 8949) Pagefind's index files are made of: integers, text strings and
/// arrays of definite length, as its encoder (minicbor) writes them, smallest form first.
/// </summary>
public sealed class CborWriter
{
    private byte[] _bytes;
    private int _length;

    /// <param name="capacity">The bytes to start with (more are made room for as they come).</param>
    public CborWriter(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    public CborWriter Array(int count) => Head(4, (ulong)count);

    public CborWriter Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

    public CborWriter Text(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Head(3, (ulong)count);
        Room(count);
        _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
        return this;
    }

    public CborWriter Ints(ReadOnlySpan<int> values)
    {
        Array(values.Length);
        // Room for them all at once (an int is five bytes at most), then each written in its smallest form.
        Room(values.Length * 5);
        var bytes = _bytes;
        var at = _length;
        foreach (var v in values)
        {
            var (type, value) = v >= 0 ? (0, (uint)v) : (1 << 5, (uint)(-1 - v));
            if (value < 24) bytes[at++] = (byte)(type | (int)value);
            else if (value <= byte.MaxValue)
            {
                bytes[at++] = (byte)(type | 24);
                bytes[at++] = (byte)value;
            }
            else if (value <= ushort.MaxValue)
            {
                bytes[at++] = (byte)(type | 25);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)value);
                at += 2;
            }
            else
            {
                bytes[at++] = (byte)(type | 26);
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), value);
                at += 4;
            }
        }
        _length = at;
        return this;
    }

    public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

    /// <summary>What is written so far, without a copy.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    private void Room(int more)
    {
        if (_length + more <= _bytes.Length) return;
        System.Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
    }

    private CborWriter Head(int major, ulong value)
    {
        Room(9);
        var type = (byte)(major << 5);
        var span = _bytes.AsSpan(_length);
        if (value < 24)
        {
            span[0] = (byte)(type | (byte)value);
            _length += 1;
        }
        else if (value <= byte.MaxValue)
        {
            span[0] = (byte)(type | 24);
            span[1] = (byte)value;
            _length += 2;
        }
        else if (value <= ushort.MaxValue)
        {
            span[0] = (byte)(type | 25);
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value);
            _length += 3;
        }
        else if (value <= uint.MaxValue)
        {
            span[0] = (byte)(type | 26);
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value);
            _length += 5;
        }
        else
        {
            span[0] = (byte)(type | 27);
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
            _length += 9;
        }
        return this;
    }
}

/// <summary>Reads what <see cref="CborWriter"/> writes (and Pagefind's program writes) into plain values: long, string, object?[].</summary>
public static class CborReader
{
    /// <exception cref="FormatException">Not the CBOR of Pagefind's files.</exception>
    public static object? Read(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        var value = Next(bytes, ref at);
        if (at != bytes.Length) throw new FormatException("bytes after the value");
        return value;
    }

    private static object? Next(ReadOnlySpan<byte> bytes, ref int at)
    {
        if (at >= bytes.Length) throw new FormatException("the value ends early");
        var initial = bytes[at++];
        var major = initial >> 5;
        var info = initial & 31;
        if (major == 7)
        {
            return info switch
            {
                20 => false,
                21 => true,
                22 => null,
                _ => throw new FormatException($"simple value {info}"),
            };
        }
        var width = info switch
        {
            < 24 => 0,
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            _ => throw new FormatException("an indefinite length"),
        };
        if (at + width > bytes.Length) throw new FormatException("the value ends early");
        var head = bytes.Slice(at, width);
        ulong argument = width switch
        {
            0 => (ulong)info,
            1 => head[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(head),
            4 => BinaryPrimitives.ReadUInt32BigEndian(head),
            _ => BinaryPrimitives.ReadUInt64BigEndian(head),
        };
        at += width;
        switch (major)
        {
            case 0: return (long)argument;
            case 1: return -1 - (long)argument;
            case 2:
            case 3:
                if (argument > (ulong)(bytes.Length - at)) throw new FormatException("the value ends early");
                var text = bytes.Slice(at, (int)argument);
                at += (int)argument;
                return major == 3 ? Encoding.UTF8.GetString(text) : text.ToArray();
            case 4:
                var items = new object?[(int)argument];
                for (var k = 0; k < items.Length; k++) items[k] = Next(bytes, ref at);
                return items;
            default:
                throw new FormatException($"major type {major}");
        }
    }
}
