using System.Collections.Concurrent;

namespace CaseRecord.Rendering.Fragments;

/// <summary>
/// The text of template fragments already rendered in this build, by fragment and the values it
/// read (see <see cref="CachedFragment"/>). A fragment's text is kept only the second time the
/// same values come, so text shown once (most of an article's) is never held; and a fragment
/// whose kept texts are hardly ever used again (one in four) stops keeping more; one whose values
/// hardly ever recur at all (an article's paragraphs) stops being looked up. Shared by the rendering threads.
/// </summary>
internal sealed class FragmentCache
{
    private const int SeenBits = 1 << 22; // 512 KB a fragment; a false "seen" only keeps a text not needed
    private const int TrialStores = 4096, TrialLookups = 4096;

    private readonly ConcurrentDictionary<Key, string> _texts;
    private readonly ConcurrentDictionary<CachedFragment, Tally> _tallies = new();

    public FragmentCache() => _texts = new(new KeyEquality(Equality));

    public RenderingEquality Equality { get; } = new();

    /// <summary>Whether looking the fragment up still pays: after a trial, only if at least one lookup in eight finds its text.</summary>
    public bool Worthwhile(CachedFragment fragment)
    {
        var tally = Of(fragment);
        return Volatile.Read(ref tally.Lookups) < TrialLookups || Volatile.Read(ref tally.Hits) * 8 >= tally.Lookups;
    }

    public bool TryGet(Key key, out string text)
    {
        var tally = Of(key.Fragment);
        Interlocked.Increment(ref tally.Lookups);
        if (!_texts.TryGetValue(key, out text!)) return false;
        Interlocked.Increment(ref tally.Hits);
        return true;
    }

    /// <summary>Whether a text rendered for this key is worth keeping: its values were seen before, and the fragment's texts are used again.</summary>
    public bool WorthKeeping(Key key, int hash)
    {
        var tally = Of(key.Fragment);
        if (tally.Stores > TrialStores && Volatile.Read(ref tally.Hits) < tally.Stores / 4) return false;
        var bit = (uint)hash % SeenBits;
        var mask = 1L << (int)(bit % 64);
        return (Interlocked.Or(ref tally.Seen[bit / 64], mask) & mask) != 0;
    }

    public void Keep(Key key, string text)
    {
        if (_texts.TryAdd(key, text)) Interlocked.Increment(ref Of(key.Fragment).Stores);
    }

    private Tally Of(CachedFragment fragment) => _tallies.GetOrAdd(fragment, static _ => new Tally());

    private sealed class Tally
    {
        public readonly long[] Seen = new long[SeenBits / 64];
        public int Lookups;
        public int Hits;
        public int Stores;
    }

    /// <summary>A fragment and the values of the variables it reads, in the fragment's order.</summary>
    public sealed class Key(CachedFragment fragment, object?[] values, int hash)
    {
        public CachedFragment Fragment => fragment;
        public object?[] Values => values;
        public int Hash => hash;
    }

    private sealed class KeyEquality(RenderingEquality values) : IEqualityComparer<Key>
    {
        public bool Equals(Key? x, Key? y)
        {
            if (x is null || y is null) return ReferenceEquals(x, y);
            if (x.Fragment != y.Fragment || x.Hash != y.Hash) return false;
            for (var i = 0; i < x.Values.Length; i++)
                if (!values.Equals(x.Values[i], y.Values[i])) return false;
            return true;
        }

        public int GetHashCode(Key key) => key.Hash;
    }
}
