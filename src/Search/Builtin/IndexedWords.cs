namespace CaseRecord.Search.Builtin;

/// <summary>
/// What the build's words index as, by their numbers in the <see cref="Vocabulary"/>, as far as
/// Pagefind's program has been asked (<see cref="Lexicon"/>): each word's stems and accented forms,
/// themselves numbered in the order first met, and the meta fields of the pages (sorted as
/// Pagefind sorts them, which numbers them). Never changed once made: asking about more words
/// makes a longer copy, so pages are indexed with one while the next is being asked for.
/// </summary>
internal sealed class IndexedWords
{
    /// <summary>What one word indexes as: stems and forms by number (−1 no form), whether each is a part of a compound, and how many parts.</summary>
    public sealed record Resolved(int[] Stems, int[] Forms, bool[] Parts, int PartCount);

    private readonly List<string> _stems, _forms;
    private readonly Dictionary<string, int> _stemIds, _formIds;
    private readonly Resolved[] _text, _meta;

    private IndexedWords(List<string> stems, Dictionary<string, int> stemIds, List<string> forms, Dictionary<string, int> formIds,
        Resolved[] text, Resolved[] meta, IReadOnlyList<string> fields)
    {
        (_stems, _stemIds, _forms, _formIds, _text, _meta) = (stems, stemIds, forms, formIds, text, meta);
        Fields = fields;
        FieldIds = fields.Select((f, k) => (f, k)).ToDictionary(x => x.f, x => x.k, StringComparer.Ordinal);
    }

    /// <summary>No word yet.</summary>
    public static IndexedWords None { get; } = new([], new(StringComparer.Ordinal), [], new(StringComparer.Ordinal), [], [], []);

    /// <summary>How many words (from number 0) this covers.</summary>
    public int Count => _text.Length;

    public IReadOnlyList<string> Stems => _stems;
    public IReadOnlyList<string> Forms => _forms;

    /// <summary>The meta fields, in Pagefind's order; a field's number is its place here.</summary>
    public IReadOnlyList<string> Fields { get; }
    public IReadOnlyDictionary<string, int> FieldIds { get; }

    /// <summary>What word <paramref name="word"/> indexes as in the text.</summary>
    public Resolved Text(int word) => _text[word];

    /// <summary>What word <paramref name="word"/> indexes as in a meta value.</summary>
    public Resolved Meta(int word) => _meta[word];

    /// <summary>Whether every word and meta field of the page is covered, so that its words' locations can be made now.</summary>
    public bool Covers(SearchPage page)
    {
        if (page.Words.Length > 0 && page.Words.Max() >= Count) return false;
        foreach (var values in page.MetaWords)
            if (values.Length > 0 && values.Max() >= Count) return false;
        foreach (var key in page.MetaKeys)
            if (!FieldIds.ContainsKey(key)) return false;
        return true;
    }

    /// <summary>Whether the meta fields are numbered alike, so that locations made with either are the same.</summary>
    public bool SameFields(IndexedWords other) => ReferenceEquals(Fields, other.Fields) || Fields.SequenceEqual(other.Fields, StringComparer.Ordinal);

    /// <summary>
    /// A copy that also covers <paramref name="words"/> from <see cref="Count"/> on (all the
    /// build's words so far, by number), as <paramref name="lexicon"/> indexes them (it was asked
    /// about those), with the meta fields <paramref name="fields"/>.
    /// </summary>
    public IndexedWords Extend(IReadOnlyList<string> words, Lexicon? lexicon, IEnumerable<string> fields)
    {
        var sorted = fields.Distinct(StringComparer.Ordinal).Order(Utf8Order.Instance).ToList();
        var keptFields = sorted.SequenceEqual(Fields, StringComparer.Ordinal) ? Fields : sorted;
        if (words.Count <= Count) return ReferenceEquals(keptFields, Fields) ? this : new(_stems, _stemIds, _forms, _formIds, _text, _meta, keptFields);
        if (lexicon is null) throw new ArgumentNullException(nameof(lexicon), "new words need the program's answer");
        var stems = new List<string>(_stems);
        var stemIds = new Dictionary<string, int>(_stemIds, StringComparer.Ordinal);
        var forms = new List<string>(_forms);
        var formIds = new Dictionary<string, int>(_formIds, StringComparer.Ordinal);
        var text = new Resolved[words.Count];
        var meta = new Resolved[words.Count];
        _text.CopyTo(text, 0);
        _meta.CopyTo(meta, 0);
        static int Intern(List<string> list, Dictionary<string, int> ids, string value)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                ids[value] = id = list.Count;
                list.Add(value);
            }
            return id;
        }
        Resolved Resolve(IReadOnlyList<Lexicon.Entry> entries)
        {
            var st = new int[entries.Count];
            var fo = new int[entries.Count];
            var pa = new bool[entries.Count];
            var parts = 0;
            for (var e = 0; e < entries.Count; e++)
            {
                st[e] = Intern(stems, stemIds, entries[e].Stem);
                fo[e] = entries[e].Original is { } original ? Intern(forms, formIds, original) : -1;
                pa[e] = entries[e].Part;
                if (pa[e]) parts++;
            }
            return new Resolved(st, fo, pa, parts);
        }
        for (var k = Count; k < words.Count; k++)
        {
            text[k] = Resolve(lexicon.Of(words[k]));
            meta[k] = Resolve(lexicon.OfMeta(words[k]));
        }
        return new(stems, stemIds, forms, formIds, text, meta, keptFields);
    }
}

/// <summary>Rust's string order: by UTF-8 bytes, which is by code point. .NET's ordinal order (UTF-16) differs only where a surrogate meets a character from U+E000 up.</summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length) return x.Length.CompareTo(y.Length);
        static int Point(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;
        return Point(x[common]).CompareTo(Point(y[common]));
    }
}
