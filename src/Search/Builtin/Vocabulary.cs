using System.Collections.Concurrent;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// The distinct words of a build's pages, each given a number the first time it is seen, so that
/// a page holds its words as numbers and a word seen on ten thousand pages is one string.
/// Safe to use from several threads at once.
/// </summary>
public sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly Lock _lock = new();

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word's number; a new word is added.</summary>
    public int Id(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var id)) return id;
        var text = word.ToString();
        lock (_lock)
        {
            if (_ids.TryGetValue(text, out id)) return id;
            id = _words.Count;
            _words.Add(text);
            _ids[text] = id;
            return id;
        }
    }

    /// <summary>Every word so far, by number.</summary>
    public IReadOnlyList<string> Words
    {
        get
        {
            lock (_lock) return [.. _words];
        }
    }
}
