using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CaseRecord.Rendering;

/// <summary>
/// The open data file's elements as the previous build wrote them, for a long-running session
/// (the preview), kept in chunks: a chunk is a run of items of one section (articles, an
/// article's quotations, figures, timeline events) whose bytes are copied when it holds the same
/// item objects as before. Ten thousand articles make a file of some 180 MB; writing it whole
/// made every edit wait seconds. A value: a write reads the last file's chunks and returns the
/// new file's; the session keeps them with its previous build while the settings are the same.
/// </summary>
/// <remarks>
/// Every element is made from its item alone (and the settings, the same for both files):
/// an analysis is reused as the same object exactly when its article, speakers and organisations
/// are unchanged, and the index keeps an entry as the same object exactly when nothing it shows
/// changed. So the items' identities are the key, and a kept chunk is found by its first item and
/// checked by comparing references alone: the items themselves, scattered through a heap of
/// gigabytes, are never read (reading each figure's id cost 35 ms a build in cache misses).
/// New chunks end before an item that starts a kept one, so after an article is added or removed
/// the next lookup finds the old chunks again: an edit rewrites a chunk or two, never the rest of the file.
/// </remarks>
public sealed class OpenDataChunks
{
    /// <summary>A chunk by its section and first item (by identity: comparing analyses by value would walk whole articles).</summary>
    internal readonly record struct ChunkKey(char Section, object First)
    {
        public bool Equals(ChunkKey other) => Section == other.Section && ReferenceEquals(First, other.First);

        public override int GetHashCode() => HashCode.Combine(Section, RuntimeHelpers.GetHashCode(First));
    }

    internal sealed record Chunk(object[] Items, byte[] Bytes);

    /// <summary>No file before: every chunk is written.</summary>
    public static readonly OpenDataChunks None = new([], 0, 0);

    // Never changed after the write that made it.
    private readonly Dictionary<ChunkKey, Chunk> _chunks;

    private OpenDataChunks(Dictionary<ChunkKey, Chunk> chunks, int written, int copied) => (_chunks, Chunks) = (chunks, (written, copied));

    /// <summary>How many chunks the file these come from wrote afresh, and how many it copied from the one before.</summary>
    internal (int Written, int Copied) Chunks { get; }

    /// <summary>One file's writing: it copies chunks of this one and makes the next.</summary>
    internal Writer Next() => new(_chunks);

    internal sealed class Writer(Dictionary<ChunkKey, Chunk> previous)
    {
        private readonly Dictionary<ChunkKey, Chunk> _current = new(previous.Count);
        private int _written, _copied;

        /// <summary>
        /// A section's elements chunk by chunk, each given to <paramref name="emit"/> as bytes: each
        /// element on a line of its own, indented for its place in a top-level array, the elements
        /// separated by commas (empty if the chunk's items make none). Kept chunks are copied; the
        /// items between them are written again, at most <paramref name="size"/> to a chunk.
        /// </summary>
        /// <param name="write">Writes an item's elements (none, one or several) into an array.</param>
        public void Elements<T>(char section, ImmutableArray<T> items, int size, Action<Utf8JsonWriter, T> write, JsonWriterOptions options,
            Action<byte[]> emit) where T : class
        {
            var i = 0;
            while (i < items.Length)
            {
                if (previous.TryGetValue(new(section, items[i]), out var kept) && Same(kept.Items, items, i))
                {
                    _current[new(section, items[i])] = kept;
                    _copied++;
                    emit(kept.Bytes);
                    i += kept.Items.Length;
                    continue;
                }
                var end = i + 1;
                while (end < items.Length && end - i < size && !previous.ContainsKey(new(section, items[end]))) end++;
                var chunk = Write(items.AsSpan(i, end - i), write, options);
                _written++;
                _current[new(section, items[i])] = chunk;
                emit(chunk.Bytes);
                i = end;
            }
        }

        /// <summary>After the whole file: what it used is what the next file may copy.</summary>
        public OpenDataChunks Finish() => new(_current, _written, _copied);
    }

    private static Chunk Write<T>(ReadOnlySpan<T> items, Action<Utf8JsonWriter, T> write, JsonWriterOptions options) where T : class
    {
        var array = new ArrayBufferWriter<byte>(1024 * items.Length);
        using (var json = new Utf8JsonWriter(array, options))
        {
            json.WriteStartArray();
            foreach (var item in items) write(json, item);
            json.WriteEndArray();
        }
        return new Chunk([.. items], Inner(array.WrittenSpan, options));
    }

    private static bool Same<T>(object[] kept, ImmutableArray<T> items, int at) where T : class
    {
        if (kept.Length > items.Length - at) return false;
        for (var i = 0; i < kept.Length; i++)
            if (!ReferenceEquals(kept[i], items[at + i])) return false;
        return true;
    }

    // Written alone, the elements sit in an array at depth 0; in the file that array is one level
    // further down (inside the top-level object), so each line gains one indentation, and the
    // brackets go: what is left starts with the line break before the first element, as the
    // writer leaves it to a raw value. JSON strings hold no raw line breaks, so every '\n' is the writer's own.
    private static byte[] Inner(ReadOnlySpan<byte> array, JsonWriterOptions options)
    {
        if (array.SequenceEqual("[]"u8)) return [];
        var inner = array[1..^(options.NewLine.Length + 1)];
        var indent = new string(options.IndentCharacter, options.IndentSize);
        var result = new byte[inner.Length + inner.Count((byte)'\n') * indent.Length];
        var at = 0;
        foreach (var b in inner)
        {
            result[at++] = b;
            if (b != '\n') continue;
            foreach (var c in indent) result[at++] = (byte)c;
        }
        return result;
    }
}
