using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseRecord.Search.Builtin;

namespace CaseRecord.Tests.Support;

/// <summary>
/// A Pagefind index (a pagefind/ folder) as canonical text: what a search finds in it, without the
/// page numbers and file names (content hashes) that differ between two writers of the same
/// index. Pages by address with their record; chunk ranges; every word with each page's decoded
/// (position, weight) locations and (meta field, position) meta locations, and its variants;
/// every filter value with its pages. Two indexes that dump alike search alike.
/// </summary>
public static class PagefindIndexDump
{
    public static string Of(string folder)
    {
        var meta = Cbor(Directory.GetFiles(folder, "pagefind.*.pf_meta").Single());
        var (version, pages, chunks, filters, sorts, fields) = ((string)meta[0]!, List(meta[1]), List(meta[2]), List(meta[3]), List(meta[4]), List(meta[5]).Select(f => (string)f!).ToArray());
        var fragments = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "fragment"), "*.pf_fragment"))
        {
            var json = JsonNode.Parse(PagefindFile.Unpack(File.ReadAllBytes(file)))!.AsObject();
            // A file of one page's record, or a group of records by their hash.
            if (json.ContainsKey("url")) fragments[Path.GetFileNameWithoutExtension(file)] = json;
            else foreach (var (hash, record) in json) fragments[hash] = record!.AsObject();
        }
        var urls = pages.Select(p => (string)fragments[(string)List(p)[0]!]["url"]!).ToArray();
        var lines = new List<string> { $"version {version}", $"fields {string.Join(",", fields)}", $"sorts {Canonical(sorts)}" };
        foreach (var n in Enumerable.Range(0, pages.Length).OrderBy(n => urls[n], StringComparer.Ordinal))
        {
            var page = List(pages[n]);
            var record = fragments[(string)page[0]!];
            lines.Add($"page {urls[n]} wc={Int(page[1])} frag_wc={(int)record["word_count"]!} grouped={(string)page[2]! != ""}");
            lines.Add("  content " + (string)record["content"]!);
            lines.Add("  filters " + Canonical(record["filters"]));
            lines.Add("  meta " + Canonical(record["meta"]));
            foreach (var anchor in record["anchors"]!.AsArray()) lines.Add("  anchor " + Canonical(anchor));
        }
        lines.Add($"chunks {chunks.Length}");
        foreach (var chunk in chunks.Select(List)) lines.Add($"  chunk {chunk[0]}..{chunk[1]}");
        var words = Directory.EnumerateFiles(Path.Combine(folder, "index"), "*.pf_index")
            .SelectMany(file => List(List(Cbor(file))[0]))
            .Select(List)
            .OrderBy(w => Encoding.UTF8.GetBytes((string)w[0]!), Utf8Order.Instance)
            .ToList();
        foreach (var word in words)
        {
            lines.Add("word " + (string)word[0]!);
            lines.AddRange(Pages(List(word[1]), urls, fields).Select(p => "  " + p));
            foreach (var variant in List(word[2]).Select(List).OrderBy(v => (string)v[0]!, StringComparer.Ordinal))
            {
                lines.Add("  variant " + (string)variant[0]!);
                lines.AddRange(Pages(List(variant[1]), urls, fields).Select(p => "    " + p));
            }
        }
        foreach (var filter in filters.Select(List))
        {
            var file = List(Cbor(Path.Combine(folder, "filter", (string)filter[1]! + ".pf_filter")));
            lines.Add("filter " + (string)file[0]!);
            foreach (var value in List(file[1]).Select(List))
                lines.Add($"  {(string)value[0]!} [{string.Join(", ", List(value[1]).Select(p => urls[Int(p)]).Order(StringComparer.Ordinal))}]");
        }
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The first lines where two dumps part, with a few lines of each around them, for a failure message.</summary>
    public static string FirstDifference(string expected, string actual, int context = 6)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var k = 0;
        while (k < a.Length && k < b.Length && a[k] == b[k]) k++;
        if (k == a.Length && k == b.Length) return "the dumps are equal";
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, k - 2)).Take(context).Select((l, i) => $"{Math.Max(0, k - 2) + i + 1,6}: {l}"));
        return $"first difference at line {k + 1} (of {a.Length} and {b.Length})\n-- expected (Pagefind's program):\n{Around(a)}\n-- actual (the generator's):\n{Around(b)}";
    }

    /// <summary>Each page a word is on, by address: its (position, weight) locations and its (meta field, position) meta locations, sorted.</summary>
    private static IEnumerable<string> Pages(object?[] entries, string[] urls, string[] fields)
    {
        var result = new List<string>();
        var page = 0;
        foreach (var entry in entries.Select(List))
        {
            // Page numbers are deltas from the previous entry's.
            page += Int(entry[0]);
            var locations = Lexicon.Locations(List(entry[1])).Order().Select(l => $"({l.Position}, {l.Weight})");
            result.Add($"{urls[page]} [{string.Join(", ", locations)}] [{string.Join(", ", MetaLocations(List(entry[2]), fields).Order().Select(l => $"('{l.Field}', {l.Position})"))}]");
        }
        return result.Order(StringComparer.Ordinal);
    }

    /// <summary>Meta locations: a negative number names the field (−index − 1) and starts its positions again from 0; other numbers are deltas.</summary>
    private static IEnumerable<(string Field, int Position)> MetaLocations(object?[] items, string[] fields)
    {
        string? field = null;
        var last = 0;
        foreach (var item in items)
        {
            var n = Int(item);
            if (n < 0)
            {
                field = fields[-n - 1];
                last = 0;
                continue;
            }
            last += n;
            yield return (field ?? "?", last);
        }
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON with every object's keys sorted.</summary>
    private static string Canonical(object? value) => value switch
    {
        JsonObject o => "{" + string.Join(", ", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quoted(p.Key) + ": " + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(Canonical)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quoted(v.GetValue<string>()),
        JsonNode n => n.ToJsonString(Unescaped),
        object?[] list => "[" + string.Join(", ", list.Select(Canonical)) + "]",
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => Quoted(s),
        null => "null",
        _ => value.ToString() ?? "",
    };

    /// <summary>A JSON string with only what must be escaped escaped, so that emoji and accents read as themselves in a failure message.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (c < ' ') quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    private static object?[] Cbor(string file) => List(CborReader.Read(PagefindFile.Unpack(File.ReadAllBytes(file))));

    private static object?[] List(object? value) => (object?[])value!;

    private static int Int(object? value) => checked((int)(long)value!);

    /// <summary>Words in the order of their UTF-8 bytes, as Pagefind sorts them.</summary>
    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
