using System.Runtime.CompilerServices;
using System.Text.Json;
using CaseRecord.Analysis;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// The open data file's elements as the previous build wrote them, for a long-running session
/// (the preview): a run of elements (an article's quotations, say) is copied when everything it
/// is made from is unchanged. Ten thousand articles make a file of some 180 MB, and writing it
/// whole made every edit wait seconds. Owned by the session's build cache; used by one build at a time.
/// </summary>
/// <remarks>
/// An analysis is reused, as the same object, exactly when its article, speakers and
/// organisations are unchanged (the build cache's rule), so the object itself is the key.
/// </remarks>
public sealed class OpenDataCache
{
    /// <summary>What one element is made from: for a share, also the analysis and id of the figure it is a share of.</summary>
    public readonly record struct Key(AnalysedArticle? OfArticle, string? OfId, string Id)
    {
        // By identity: comparing analyses by value would walk whole articles.
        public bool Equals(Key other) => ReferenceEquals(OfArticle, other.OfArticle) && OfId == other.OfId && Id == other.Id;

        public override int GetHashCode() => HashCode.Combine(OfArticle is null ? 0 : RuntimeHelpers.GetHashCode(OfArticle), OfId, Id);
    }

    /// <summary>A run of elements: its kind ('q' for an article's quotations...) and the analysis they come from.</summary>
    private readonly record struct RunKey(char Kind, AnalysedArticle Article)
    {
        public bool Equals(RunKey other) => Kind == other.Kind && ReferenceEquals(Article, other.Article);

        public override int GetHashCode() => HashCode.Combine(Kind, RuntimeHelpers.GetHashCode(Article));
    }

    private sealed record Run(Key[] Keys, byte[] Bytes);

    private Dictionary<RunKey, Run> _previous = [];
    private Dictionary<RunKey, Run> _current = [];
    // Events lie scattered through the timeline, so each is kept alone, by its entry: an entry the
    // index kept is the same object, and everything its element shows comes from it.
    private Dictionary<FigureEntry, byte[]> _previousEvents = new(ReferenceEqualityComparer.Instance);
    private Dictionary<FigureEntry, byte[]> _currentEvents = new(ReferenceEqualityComparer.Instance);
    private string? _settingsKey;

    /// <summary>Before each build: the settings, on which the links in every element depend.</summary>
    public void Use(string settingsKey)
    {
        if (settingsKey == _settingsKey) return;
        _previous = [];
        _current = [];
        _previousEvents.Clear();
        _currentEvents.Clear();
        _settingsKey = settingsKey;
    }

    internal static Key For(FigureEntry? of, string id) => new(of?.Article, of?.Id, id);

    /// <summary>
    /// The run's bytes: each element on a line of its own, indented for its place in a top-level
    /// array, the elements separated by commas; written only when not kept from before.
    /// </summary>
    internal byte[] Elements<T>(char kind, AnalysedArticle article, IReadOnlyList<T> items, Func<T, Key> keyOf,
        Action<Utf8JsonWriter, T> write, JsonWriterOptions options)
    {
        var runKey = new RunKey(kind, article);
        // Each run is asked for once a build, so only the last build's can hold it.
        if (_previous.TryGetValue(runKey, out var run) && Same(run.Keys, items, keyOf))
        {
            _current[runKey] = run;
            return run.Bytes;
        }
        var keys = new Key[items.Count];
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024 * items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            keys[i] = keyOf(items[i]);
            if (i > 0) System.Buffers.BuffersExtensions.Write(buffer, ","u8);
            Append(buffer, json => write(json, items[i]), options);
        }
        run = new Run(keys, buffer.WrittenSpan.ToArray());
        _current[runKey] = run;
        return run.Bytes;
    }

    /// <summary>One timeline event's element, as <see cref="Elements"/> makes a run's.</summary>
    internal byte[] Event(FigureEntry entry, Action<Utf8JsonWriter, FigureEntry> write, JsonWriterOptions options)
    {
        if (!_previousEvents.TryGetValue(entry, out var bytes))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            Append(buffer, json => write(json, entry), options);
            bytes = buffer.WrittenSpan.ToArray();
        }
        _currentEvents[entry] = bytes;
        return bytes;
    }

    private static bool Same<T>(Key[] keys, IReadOnlyList<T> items, Func<T, Key> keyOf)
    {
        if (keys.Length != items.Count) return false;
        for (var i = 0; i < keys.Length; i++)
            if (!keys[i].Equals(keyOf(items[i]))) return false;
        return true;
    }

    /// <summary>After a whole file is written: what it used is what the next build may reuse.</summary>
    internal void Finished()
    {
        _previous = _current;
        _current = new Dictionary<RunKey, Run>(_previous.Count);
        (_previousEvents, _currentEvents) = (_currentEvents, _previousEvents);
        _currentEvents.Clear();
    }

    // Written alone, an element starts at depth 0; in the file it sits two levels down (object,
    // array), so each of its lines gains that indentation, and it starts on a line of its own (the
    // writer puts only the comma before a raw value). JSON strings hold no raw line breaks, so
    // every '\n' is the writer's own.
    private static void Append(System.Buffers.ArrayBufferWriter<byte> to, Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var alone = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(alone, options)) write(json);
        var element = alone.WrittenSpan;
        var prefix = options.NewLine + new string(options.IndentCharacter, options.IndentSize * 2);
        var indent = prefix.AsSpan(options.NewLine.Length);
        var result = to.GetSpan(prefix.Length + element.Length + element.Count((byte)'\n') * indent.Length);
        var at = 0;
        foreach (var c in prefix) result[at++] = (byte)c;
        foreach (var b in element)
        {
            result[at++] = b;
            if (b != '\n') continue;
            foreach (var c in indent) result[at++] = (byte)c;
        }
        to.Advance(at);
    }
}
