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

    /// <summary>
    /// Writes the index of <paramref name="pages"/> (in page-number order) into <paramref name="folder"/> (the site's pagefind/, made new),
    /// with their words' locations where already made (<paramref name="early"/>, null or made with other fields where not).
    /// </summary>
    /// <param name="words">The build's words as the index holds them, covering every page, with the pages' meta fields.</param>
    /// <param name="lexicon">The program's first answer, whose runtime files and version the index gets.</param>
    internal static void Write(IReadOnlyList<SearchPage> pages, IReadOnlyList<PageRuns?> early, IndexedWords words, Lexicon lexicon, string folder)
    {
        var stems = words.Stems;
        var forms = words.Forms;
        var fields = words.Fields;
        var runs = new PageRuns[pages.Count];
        var hashes = new string[pages.Count];
        Parallel.For(0, pages.Count, () => new PageRuns.Scratch(), (k, _, scratch) =>
        {
            runs[k] = early[k] is { } known && known.Words.SameFields(words) ? known : PageRuns.Of(pages[k], words, scratch);
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
}
