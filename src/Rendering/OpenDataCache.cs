using System.Runtime.CompilerServices;
using System.Text.Json;
using CaseRecord.Analysis;
using CaseRecord.Model;

namespace CaseRecord.Rendering;

/// <summary>
/// The open data file's elements as the previous build wrote them, for a long-running session
/// (the preview): an element is copied when the articles it is made from are unchanged. Ten
/// thousand articles make a file of some 180 MB, and writing it whole made every edit wait seconds.
/// Owned by the session's build cache; used by one build at a time.
/// </summary>
/// <remarks>
/// An analysis is reused, as the same object, exactly when its article, speakers and
/// organisations are unchanged (the build cache's rule), so the object itself is the key.
/// </remarks>
public sealed class OpenDataCache
{
    /// <summary>What an element is made from: its article's analysis, and for a share the analysis and id of the figure it is a share of.</summary>
    public readonly record struct Key(char Kind, AnalysedArticle Article, AnalysedArticle? OfArticle, string? OfId, string Id)
    {
        // By identity: comparing analyses by value would walk whole articles.
        public bool Equals(Key other) => Kind == other.Kind && ReferenceEquals(Article, other.Article) && ReferenceEquals(OfArticle, other.OfArticle)
            && OfId == other.OfId && Id == other.Id;

        public override int GetHashCode() =>
            HashCode.Combine(Kind, RuntimeHelpers.GetHashCode(Article), OfArticle is null ? 0 : RuntimeHelpers.GetHashCode(OfArticle), OfId, Id);
    }

    private Dictionary<Key, byte[]> _previous = [];
    private Dictionary<Key, byte[]> _current = [];
    private string? _settingsKey;

    /// <summary>Before each build: the settings, on which the links in every element depend.</summary>
    public void Use(string settingsKey)
    {
        if (settingsKey == _settingsKey) return;
        _previous = [];
        _current = [];
        _settingsKey = settingsKey;
    }

    internal static Key For(char kind, AnalysedArticle article, FigureEntry? of, string id) => new(kind, article, of?.Article, of?.Id, id);

    /// <summary>The element's bytes, indented for its place in a top-level array, written only when not kept from before.</summary>
    internal byte[] Element(Key key, Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        if (!_current.TryGetValue(key, out var bytes) && !_previous.TryGetValue(key, out bytes))
            bytes = Indent(Serialise(write, options), options.NewLine, new string(options.IndentCharacter, options.IndentSize * 2));
        _current[key] = bytes;
        return bytes;
    }

    /// <summary>After a whole file is written: what it used is what the next build may reuse.</summary>
    internal void Finished()
    {
        _previous = _current;
        _current = new Dictionary<Key, byte[]>(_previous.Count);
    }

    private static byte[] Serialise(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, options)) write(json);
        return buffer.WrittenSpan.ToArray();
    }

    // Written alone, an element starts at depth 0; in the file it sits two levels down (object,
    // array), so each of its lines gains that indentation, and it starts on a line of its own (the
    // writer puts only the comma before a raw value). JSON strings hold no raw line breaks, so
    // every '\n' is the writer's own.
    private static byte[] Indent(byte[] element, string newLine, string indent)
    {
        var lines = element.AsSpan().Count((byte)'\n');
        var result = new byte[newLine.Length + indent.Length + element.Length + lines * indent.Length];
        var at = 0;
        foreach (var c in newLine + indent) result[at++] = (byte)c;
        foreach (var b in element)
        {
            result[at++] = b;
            if (b != '\n') continue;
            foreach (var c in indent) result[at++] = (byte)c;
        }
        return result;
    }
}
