using System.Text;
using System.Text.Json;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// Writes a Pagefind 1.6 index (pagefind/: its entry, meta, word chunks, filters and fragments)
/// from pages read by <see cref="PageReader"/> and words indexed by <see cref="Lexicon"/>, laid
/// out as Pagefind's program lays them out (pagefind/src/index/mod.rs): words sorted and cut into
/// chunks of 20,000 locations, page numbers within a word as differences, weights as marks in the
/// locations, page records eight to a file. The search page's pagefind.js reads it as it reads the
/// program's own; tests/Publish/BuiltinIndexTests.cs compares the two, file by file, decoded.
/// </summary>
public static class IndexWriter
{
    private const string Language = "en";
    private const int ChunkSize = 20000;

    /// <summary>One (word, form) of a page: where its locations are in the page's data (text locations, then meta).</summary>
    private readonly record struct Run(int Stem, int Form, int Offset, int TextLength, int MetaLength);

    /// <summary>A page's words: its runs, sorted by word and form, and their encoded locations.</summary>
    private sealed record PageRuns(Run[] Runs, int[] Data);

    /// <summary>A word of the page at a position, with what orders it in Pagefind's lists (the weight, or the meta field).</summary>
    private readonly record struct Posting(int Stem, int Form, int Kind, int Order, int Position, int Weight) : IComparable<Posting>
    {
        public int CompareTo(Posting other)
        {
            var c = Stem.CompareTo(other.Stem);
            if (c == 0) c = Form.CompareTo(other.Form);
            if (c == 0) c = Kind.CompareTo(other.Kind);
            if (c == 0) c = Order.CompareTo(other.Order);
            if (c == 0) c = Position.CompareTo(other.Position);
            return c;
        }
    }

    /// <summary>What a word of the vocabulary indexes as, by number: stems and forms (−1 none), whether each is a part of a compound, and how many parts.</summary>
    private sealed record Resolved(int[] Stems, int[] Forms, bool[] Parts, int PartCount);

    /// <summary>Writes the index of <paramref name="pages"/> (in page-number order) into <paramref name="folder"/> (the site's pagefind/, made new).</summary>
    /// <param name="words">The vocabulary the pages' words are numbered in.</param>
    public static void Write(IReadOnlyList<SearchPage> pages, IReadOnlyList<string> words, Lexicon lexicon, string folder)
    {
        var stems = new List<string>();
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new List<string>();
        var formIds = new Dictionary<string, int>(StringComparer.Ordinal);
        static int Intern(List<string> list, Dictionary<string, int> ids, string value)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                ids[value] = id = list.Count;
                list.Add(value);
            }
            return id;
        }
        // Each word of the vocabulary as the lexicon indexes it, in the text and in a meta value.
        var resolved = new Resolved[words.Count];
        var resolvedMeta = new Resolved[words.Count];
        for (var k = 0; k < words.Count; k++)
        {
            resolved[k] = Resolve(lexicon.Of(words[k]));
            resolvedMeta[k] = Resolve(lexicon.OfMeta(words[k]));
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
        var fields = pages.SelectMany(p => p.MetaKeys).Distinct().Order(Utf8Order.Instance).ToList();
        var fieldIds = fields.Select((f, k) => (f, k)).ToDictionary(x => x.f, x => x.k, StringComparer.Ordinal);

        var runs = new PageRuns[pages.Count];
        var hashes = new string[pages.Count];
        var packed = Packs(stems.Count, forms.Count, pages);
        Parallel.For(0, pages.Count, () => new Scratch(), (k, _, scratch) =>
        {
            runs[k] = RunsOf(pages[k], resolved, resolvedMeta, fieldIds, packed, scratch);
            hashes[k] = Hash(pages[k].Fragment);
            return scratch;
        }, _ => { });

        Directory.CreateDirectory(Path.Combine(folder, "fragment"));
        Directory.CreateDirectory(Path.Combine(folder, "index"));
        Directory.CreateDirectory(Path.Combine(folder, "filter"));
        var files = new List<(string Path, byte[] Content)>();

        // Page records: named by their hash, written eight to a file once there are more than eight.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < pages.Count; k++) hashes[k] = Short(taken, $"{Language}_{hashes[k]}", Language.Length + 8);
        var groups = new string[pages.Count];
        var most = Math.Max(1, (pages.Count + SearchIndexer.PagesPerFragmentFile - 1) / SearchIndexer.PagesPerFragmentFile);
        if (most < pages.Count)
        {
            var size = (int)Math.Ceiling(pages.Count / (double)most);
            var count = (pages.Count + size - 1) / size;
            var made = new (int[] Members, string Hash)[count];
            Parallel.For(0, count, g =>
            {
                var members = Enumerable.Range(g * size, Math.Min(size, pages.Count - g * size)).OrderBy(k => hashes[k], StringComparer.Ordinal).ToArray();
                // {"hash":fragment,...} made at its size at once (a growing stream was three times the fragments' bytes).
                var length = 2 + Math.Max(0, members.Length - 1);
                foreach (var k in members) length += Encoding.UTF8.GetByteCount(hashes[k]) + 3 + pages[k].Fragment.Length;
                var bytes = new byte[length];
                var at = 0;
                bytes[at++] = (byte)'{';
                foreach (var k in members)
                {
                    if (at > 1) bytes[at++] = (byte)',';
                    bytes[at++] = (byte)'"';
                    at += Encoding.UTF8.GetBytes(hashes[k], bytes.AsSpan(at));
                    bytes[at++] = (byte)'"';
                    bytes[at++] = (byte)':';
                    pages[k].Fragment.CopyTo(bytes.AsSpan(at));
                    at += pages[k].Fragment.Length;
                }
                bytes[at++] = (byte)'}';
                PagefindFile.Write(Unnamed(folder, "fragment", g), bytes);
                made[g] = (members, Hash(bytes));
            });
            var groupNames = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < made.Length; g++)
            {
                var (members, hash) = made[g];
                var name = Short(groupNames, $"{Language}_group_{hash}", Language.Length + 14);
                File.Move(Unnamed(folder, "fragment", g), Path.Combine(folder, "fragment", $"{name}.pf_fragment"));
                foreach (var k in members) groups[k] = name;
            }
        }
        else
        {
            for (var k = 0; k < pages.Count; k++)
            {
                files.Add(($"fragment/{hashes[k]}.pf_fragment", pages[k].Fragment));
                groups[k] = "";
            }
        }

        // Filters: each a file of its values and their pages.
        var filterNames = new HashSet<string>(StringComparer.Ordinal);
        var filters = new List<(string Filter, string Hash)>();
        var byFilter = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        for (var k = 0; k < pages.Count; k++)
            foreach (var (filter, values) in pages[k].Filters)
            {
                if (!byFilter.TryGetValue(filter, out var map)) byFilter[filter] = map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                foreach (var value in values)
                {
                    if (!map.TryGetValue(value, out var list)) map[value] = list = [];
                    list.Add(k);
                }
            }
        foreach (var (filter, values) in byFilter.OrderBy(f => f.Key, Utf8Order.Instance))
        {
            var cbor = new CborWriter().Array(2).Text(filter).Array(values.Count);
            foreach (var (value, list) in values.OrderBy(v => v.Key, Utf8Order.Instance)) cbor.Array(2).Text(value).Ints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
            var bytes = cbor.ToArray();
            var name = Short(filterNames, $"{Language}_{Hash(bytes)}", Language.Length + 8);
            files.Add(($"filter/{name}.pf_filter", bytes));
            filters.Add((filter, name));
        }

        // Words: each word's runs in page order, the words sorted and cut into chunks.
        var start = new int[stems.Count + 1];
        foreach (var page in runs)
            foreach (var run in page.Runs) start[run.Stem + 1]++;
        for (var k = 0; k < stems.Count; k++) start[k + 1] += start[k];
        var fill = start[..^1].ToArray();
        var runPage = new int[start[^1]];
        var runIndex = new int[start[^1]];
        // Each word's size as Pagefind counts it to cut chunks: its locations, one per page, one per accented form.
        var sizes = new int[stems.Count];
        var seenForms = new HashSet<long>();
        for (var page = 0; page < runs.Length; page++)
            for (var r = 0; r < runs[page].Runs.Length; r++)
            {
                var run = runs[page].Runs[r];
                var at = fill[run.Stem]++;
                runPage[at] = page;
                runIndex[at] = r;
                sizes[run.Stem] += run.TextLength + run.MetaLength + 1;
                if (run.Form >= 0 && seenForms.Add(((long)run.Stem << 32) | (uint)run.Form)) sizes[run.Stem]++;
            }
        var order = Enumerable.Range(0, stems.Count).Where(s => start[s + 1] > start[s]).OrderBy(s => stems[s], Utf8Order.Instance).ToList();
        var chunks = new List<List<int>>();
        var current = new List<int>();
        var counted = 0;
        foreach (var stem in order)
        {
            counted += sizes[stem];
            current.Add(stem);
            if (counted >= ChunkSize)
            {
                chunks.Add(current);
                current = [];
                counted = 0;
            }
        }
        if (current.Count > 0) chunks.Add(current);
        var ranges = chunks.Select(c => (From: stems[c[0]], To: stems[c[^1]])).ToArray();
        for (var k = 0; k + 1 < ranges.Length; k++)
        {
            var (to, from) = Prefixes(ranges[k].To, ranges[k + 1].From);
            if (Utf8Order.Instance.Compare(to, ranges[k].From) >= 0) ranges[k].To = to;
            ranges[k + 1].From = from;
        }
        var chunkFull = new string[chunks.Count];
        Parallel.For(0, chunks.Count, k =>
        {
            // Sized at once for what the chunk holds (a location takes three bytes at most below 65,536), not grown by doubling.
            var capacity = 16;
            foreach (var stem in chunks[k]) capacity += 3 * (sizes[stem] + 3 * (start[stem + 1] - start[stem])) + 3 * stems[stem].Length + 16;
            var cbor = new CborWriter(capacity).Array(1).Array(chunks[k].Count);
            foreach (var stem in chunks[k])
            {
                cbor.Array(3).Text(stems[stem]);
                var plain = new List<int>();
                var byForm = new SortedDictionary<string, List<int>>(Utf8Order.Instance);
                for (var at = start[stem]; at < start[stem + 1]; at++)
                {
                    var form = runs[runPage[at]].Runs[runIndex[at]].Form;
                    if (form < 0) plain.Add(at);
                    else
                    {
                        if (!byForm.TryGetValue(forms[form], out var list)) byForm[forms[form]] = list = [];
                        list.Add(at);
                    }
                }
                Pages(cbor, plain, runs, runPage, runIndex);
                cbor.Array(byForm.Count);
                foreach (var (form, list) in byForm)
                {
                    cbor.Array(2).Text(form);
                    Pages(cbor, list, runs, runPage, runIndex);
                }
            }
            PagefindFile.Write(Unnamed(folder, "index", k), cbor.Written);
            chunkFull[k] = Hash(cbor.Written);
        });
        var chunkNames = new HashSet<string>(StringComparer.Ordinal);
        var chunkHashes = new string[chunks.Count];
        for (var k = 0; k < chunks.Count; k++)
        {
            chunkHashes[k] = Short(chunkNames, $"{Language}_{chunkFull[k]}", Language.Length + 8);
            File.Move(Unnamed(folder, "index", k), Path.Combine(folder, "index", $"{chunkHashes[k]}.pf_index"));
        }

        // The meta file: version, pages, chunks, filters, sorts, meta fields.
        var meta = new CborWriter().Array(6).Text(lexicon.ProgramVersion).Array(pages.Count);
        for (var k = 0; k < pages.Count; k++) meta.Array(3).Text(hashes[k]).Int(pages[k].WordCount).Text(groups[k]);
        meta.Array(chunks.Count);
        for (var k = 0; k < chunks.Count; k++) meta.Array(3).Text(ranges[k].From).Text(ranges[k].To).Text(chunkHashes[k]);
        meta.Array(filters.Count);
        foreach (var (filter, hash) in filters) meta.Array(2).Text(filter).Text(hash);
        meta.Array(0).Array(fields.Count);
        foreach (var field in fields) meta.Text(field);
        var metaBytes = meta.ToArray();
        var metaHash = $"{Language}_{Hash(metaBytes)[..(Language.Length + 8)]}";
        files.Add(($"pagefind.{metaHash}.pf_meta", metaBytes));

        Parallel.ForEach(files, file => PagefindFile.Write(Path.Combine(folder, file.Path), file.Content));
        files.Clear();
        File.WriteAllText(Path.Combine(folder, "pagefind-entry.json"),
            $"{{\"version\":{JsonSerializer.Serialize(lexicon.ProgramVersion)},\"languages\":{{\"{Language}\":{{\"hash\":\"{metaHash}\",\"wasm\":\"{Language}\",\"page_count\":{pages.Count}}}}},\"include_characters\":{lexicon.IncludeCharacters}}}");
        foreach (var runtime in Directory.EnumerateFiles(lexicon.Runtime))
        {
            var name = Path.GetFileName(runtime);
            if (name == "pagefind-entry.json" || name.EndsWith(".pf_meta", StringComparison.Ordinal)) continue;
            File.Copy(runtime, Path.Combine(folder, name), overwrite: true);
        }
    }

    // A posting packed in one number, so a page's are sorted as numbers: stem, form, text or meta,
    // then weight or field, then position (Pagefind's order), in 22, 17, 1, 8 and 16 bits.
    private const int PositionBits = 16, OrderBits = 8, KindBits = 1, FormBits = 17, StemBits = 22;

    /// <summary>Whether every page's postings fit the packed numbers (the build's words and forms, a page's length).</summary>
    private static bool Packs(int stems, int forms, IReadOnlyList<SearchPage> pages) =>
        stems < 1 << StemBits && forms + 1 < 1 << FormBits && pages.All(p => p.Words.Length < 1 << PositionBits && p.MetaWords.All(m => m.Length < 1 << PositionBits));

    private static ulong Key(int stem, int form, int kind, int order, int position) =>
        ((ulong)stem << (FormBits + KindBits + OrderBits + PositionBits)) | ((ulong)(form + 1) << (KindBits + OrderBits + PositionBits))
        | ((ulong)kind << (OrderBits + PositionBits)) | ((ulong)order << PositionBits) | (uint)position;

    /// <summary>A thread's buffers for <see cref="RunsOf"/>, kept from page to page.</summary>
    private sealed class Scratch
    {
        public ulong[] Keys = new ulong[8192];
        public readonly List<Posting> Postings = new(8192);
        public readonly List<Run> Runs = new(2048);
        public readonly List<int> Data = new(8192);
    }

    /// <summary>A page's words by stem and form, each with its locations encoded as Pagefind encodes them.</summary>
    private static PageRuns RunsOf(SearchPage page, Resolved[] resolved, Resolved[] resolvedMeta, Dictionary<string, int> fieldIds, bool packed, Scratch scratch)
    {
        var postings = scratch.Postings;
        postings.Clear();
        for (var position = 0; position < page.Words.Length; position++)
        {
            var word = resolved[page.Words[position]];
            int weight = page.Weights[position];
            // The parts of a compound share its weight (Pagefind's partial_weight).
            var partial = word.PartCount > 0 && weight > 0 ? Math.Max(1, weight / Math.Min(word.PartCount, byte.MaxValue)) : 0;
            for (var e = 0; e < word.Stems.Length; e++)
            {
                var w = word.Parts[e] ? partial : weight;
                postings.Add(new Posting(word.Stems[e], word.Forms[e], 0, w == 25 ? 0 : w, position, w));
            }
        }
        for (var f = 0; f < page.MetaKeys.Count; f++)
        {
            var field = fieldIds[page.MetaKeys[f]];
            var values = page.MetaWords[f];
            for (var position = 0; position < values.Length; position++)
            {
                var word = resolvedMeta[values[position]];
                for (var e = 0; e < word.Stems.Length; e++) postings.Add(new Posting(word.Stems[e], word.Forms[e], 1, field, position, 0));
            }
        }
        var count = postings.Count;
        if (packed && fieldIds.Count < 1 << OrderBits)
        {
            // Sorted as numbers, and read back from them (a text posting's order is its weight; none weighs 25).
            if (scratch.Keys.Length < count) scratch.Keys = new ulong[Math.Max(count, scratch.Keys.Length * 2)];
            var keys = scratch.Keys;
            for (var k = 0; k < count; k++)
            {
                var p = postings[k];
                keys[k] = Key(p.Stem, p.Form, p.Kind, p.Order, p.Position);
            }
            System.Array.Sort(keys, 0, count);
            for (var k = 0; k < count; k++)
            {
                var key = keys[k];
                var kind = (int)(key >> (OrderBits + PositionBits)) & 1;
                var order = (int)(key >> PositionBits) & ((1 << OrderBits) - 1);
                postings[k] = new Posting(
                    (int)(key >> (FormBits + KindBits + OrderBits + PositionBits)),
                    (int)(key >> (KindBits + OrderBits + PositionBits) & ((1 << FormBits) - 1)) - 1,
                    kind, order, (int)(key & ((1 << PositionBits) - 1)), kind == 0 ? (order == 0 ? 25 : order) : 0);
            }
        }
        else postings.Sort();
        var result = scratch.Runs;
        var data = scratch.Data;
        result.Clear();
        data.Clear();
        for (var i = 0; i < count;)
        {
            var (stem, form) = (postings[i].Stem, postings[i].Form);
            var offset = data.Count;
            // Text: a change of weight is −weight − 1 and an absolute position, the rest differences.
            var weight = 25;
            var last = 0;
            for (; i < count && postings[i].Stem == stem && postings[i].Form == form && postings[i].Kind == 0; i++)
            {
                var p = postings[i];
                if (p.Weight != weight)
                {
                    data.Add(-p.Weight - 1);
                    data.Add(p.Position);
                    weight = p.Weight;
                }
                else data.Add(p.Position - last);
                last = p.Position;
            }
            var textLength = data.Count - offset;
            // Meta: a new field is −field − 1, positions differences from the field's start.
            var field = -1;
            for (; i < count && postings[i].Stem == stem && postings[i].Form == form; i++)
            {
                var p = postings[i];
                if (p.Order != field)
                {
                    data.Add(-p.Order - 1);
                    field = p.Order;
                    last = 0;
                }
                data.Add(p.Position - last);
                last = p.Position;
            }
            result.Add(new Run(stem, form, offset, textLength, data.Count - offset - textLength));
        }
        return new PageRuns(Kept.Copy(result), Kept.Copy(data));
    }

    private static void Pages(CborWriter cbor, List<int> list, PageRuns[] runs, int[] runPage, int[] runIndex)
    {
        cbor.Array(list.Count);
        var last = 0;
        foreach (var at in list)
        {
            var page = runPage[at];
            var (data, run) = (runs[page].Data, runs[page].Runs[runIndex[at]]);
            cbor.Array(3).Int(page - last);
            cbor.Ints(data.AsSpan(run.Offset, run.TextLength));
            cbor.Ints(data.AsSpan(run.Offset + run.TextLength, run.MetaLength));
            last = page;
        }
    }

    /// <summary>The shortest prefix of <paramref name="full"/> from <paramref name="length"/> characters that no other file took.</summary>
    private static string Short(HashSet<string> taken, string full, int length)
    {
        var name = full[..Math.Min(length, full.Length)];
        while (taken.Contains(name) && name.Length < full.Length) name = full[..(name.Length + 1)];
        taken.Add(name);
        return name;
    }

    // Names a file by its content, as Pagefind's do, so a browser's cached copy is never stale; not a security hash.
    private static string Hash(ReadOnlySpan<byte> bytes) => System.IO.Hashing.XxHash3.HashToUInt64(bytes).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Where a fragment group or word chunk is written as soon as it is made, before its name is
    /// known: names are the shortest free prefixes of the files' hashes, given in order once all
    /// are made. Holding them all until then was the whole index in memory (140 MB at 10,000 articles).
    /// </summary>
    private static string Unnamed(string folder, string kind, int number) => Path.Combine(folder, kind, $"unnamed-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>Where two neighbouring chunks part: each word cut one character past what they share.</summary>
    private static (string, string) Prefixes(string a, string b)
    {
        var ra = a.EnumerateRunes().ToList();
        var rb = b.EnumerateRunes().ToList();
        var common = 0;
        while (common < ra.Count && common < rb.Count && ra[common] == rb[common]) common++;
        static string Take(List<Rune> runes, int n) => string.Concat(runes.Take(n).Select(r => r.ToString()));
        return (Take(ra, common + 1), Take(rb, common + 1));
    }

    /// <summary>Rust's string order: by UTF-8 bytes, which is by code point. .NET's ordinal order (UTF-16) differs only where a surrogate meets a character from U+E000 up.</summary>
    private sealed class Utf8Order : IComparer<string>
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
}
