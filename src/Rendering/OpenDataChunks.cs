using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CaseRecord.Rendering;

/// <summary>
/// The open data file's elements as the previous build wrote them, for a long-running session
/// (the preview), kept in chunks: a chunk is a run of items of one section (articles, an
/// article's quotations, figures, timeline events) whose bytes are copied when it holds the same
/// item objects as before: writing a large record's file whole made every edit wait seconds. A value: a write reads the last file's chunks and returns the
/// new file's; the session keeps them with its previous build while the settings are the same.
/// </summary>
/// <remarks>
/// Every element is made from its item alone (and the settings, the same for both files). An
/// analysis is reused as the same object exactly when its article, speakers and organisations are
/// unchanged, and the index keeps an entry as the same object unless the delta names it; so a kept
/// chunk is found by its first item and checked by comparing references, and the items themselves,
/// scattered through a heap of gigabytes, are not read. The one exception is an entry made again
/// only because its group of equal values changed (the delta names the value, not the figure): its
/// element is the same, so such entries are given as <c>renewed</c> and matched by their ids.
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
    public static readonly OpenDataChunks None = new([], [], 0, 0);

    // Never changed after the write that made them: the chunks by their first item, and by its key.
    private readonly Dictionary<ChunkKey, Chunk> _chunks;
    private readonly Dictionary<(char, string), Chunk> _byKey;

    private OpenDataChunks(Dictionary<ChunkKey, Chunk> chunks, Dictionary<(char, string), Chunk> byKey, int written, int copied) =>
        (_chunks, _byKey, Chunks) = (chunks, byKey, (written, copied));

    /// <summary>How many chunks the file these come from wrote afresh, and how many it copied from the one before.</summary>
    internal (int Written, int Copied) Chunks { get; }

    /// <summary>One file's writing: it copies chunks of this one and makes the next.</summary>
    /// <param name="renewed">Items that are new objects with the same elements as the items of their keys before (by reference).</param>
    internal Writer Next(IReadOnlySet<object> renewed) => new(_chunks, _byKey, renewed);

    internal sealed class Writer(Dictionary<ChunkKey, Chunk> previous, Dictionary<(char, string), Chunk> previousByKey, IReadOnlySet<object> renewed)
    {
        private readonly Dictionary<ChunkKey, Chunk> _current = new(previous.Count);
        private readonly Dictionary<(char, string), Chunk> _currentByKey = new(previous.Count);
        private int _written, _copied;

        private Chunk? Find<T>(char section, T item, Func<T, string> key) where T : class =>
            previous.TryGetValue(new(section, item), out var kept) ? kept
            : renewed.Contains(item) && previousByKey.TryGetValue((section, key(item)), out kept) ? kept : null;

        /// <summary>Whether the kept chunk's items are these: the same objects, or renewed ones of the same keys.</summary>
        private bool Same<T>(Chunk kept, ImmutableArray<T> items, int at, Func<T, string> key) where T : class
        {
            if (kept.Items.Length > items.Length - at) return false;
            for (var i = 0; i < kept.Items.Length; i++)
                if (!ReferenceEquals(kept.Items[i], items[at + i]) && !(renewed.Contains(items[at + i]) && key((T)kept.Items[i]) == key(items[at + i])))
                    return false;
            return true;
        }

        private static bool Identical<T>(object[] kept, ImmutableArray<T> items, int at) where T : class
        {
            for (var i = 0; i < kept.Length; i++)
                if (!ReferenceEquals(kept[i], items[at + i])) return false;
            return true;
        }

        private void Keep<T>(char section, Chunk chunk, Func<T, string> key) where T : class
        {
            _current[new(section, chunk.Items[0])] = chunk;
            _currentByKey[(section, key((T)chunk.Items[0]))] = chunk;
        }

        /// <summary>
        /// A section's elements chunk by chunk, each given to <paramref name="emit"/> as bytes: each
        /// element on a line of its own, indented for its place in a top-level array, the elements
        /// separated by commas (empty if the chunk's items make none). Kept chunks are copied; the
        /// items between them are written again, at most <paramref name="size"/> to a chunk.
        /// </summary>
        /// <param name="write">Writes an item's elements (none, one or several) into an array.</param>
        public void Elements<T>(char section, ImmutableArray<T> items, int size, Func<T, string> key, Action<Utf8JsonWriter, T> write, JsonWriterOptions options,
            Action<byte[]> emit) where T : class
        {
            var i = 0;
            while (i < items.Length)
            {
                if (Find(section, items[i], key) is { } kept && Same(kept, items, i, key))
                {
                    // Kept with the items it now holds, so the next file finds them by reference.
                    var now = Identical(kept.Items, items, i) ? kept : kept with { Items = [.. items.AsSpan(i, kept.Items.Length)] };
                    Keep(section, now, key);
                    _copied++;
                    emit(kept.Bytes);
                    i += kept.Items.Length;
                    continue;
                }
                var end = i + 1;
                while (end < items.Length && end - i < size && Find(section, items[end], key) is null) end++;
                var chunk = Write(items.AsSpan(i, end - i), write, options);
                _written++;
                Keep(section, chunk, key);
                emit(chunk.Bytes);
                i = end;
            }
        }

        /// <summary>After the whole file: what it used is what the next file may copy.</summary>
        public OpenDataChunks Finish() => new(_current, _currentByKey, _written, _copied);
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

    // Written alone, the elements sit in an array at depth 0; in the file that array is one level
    // further down (inside the top-level object), so each line gains one indentation, and the
    // brackets go: what is left starts with the line break before the first element, as the
    // writer leaves it to a raw value. JSON strings hold no raw line breaks, so every '\n' is the writer's own.
    private static byte[] Inner(ReadOnlySpan<byte> array, JsonWriterOptions options)
    {
        if (array.SequenceEqual("[]"u8)) return [];
        if (!options.Indented) return array[1..^1].ToArray();
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
