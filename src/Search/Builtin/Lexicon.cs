using System.Text;
using System.Text.Json;

namespace CaseRecord.Search.Builtin;

/// <summary>
/// How Pagefind's program indexes each word of a build, asked of the program itself: every
/// distinct word goes once onto one page, Pagefind indexes that page, and its index says what
/// each word became (its stem, the parts of a compound, the form with accents kept). So the
/// stemming and splitting are Pagefind's own and cannot drift from the search page's, which
/// stems a query with the same code. The same run gives the search page's runtime
/// (pagefind.js, its WebAssembly) of the same version.
/// </summary>
public sealed class Lexicon
{
    /// <summary>One word as the index holds it: its stem, the form with accents when it had any, and whether it is a part of a compound (it then shares the word's weight).</summary>
    public readonly record struct Entry(string Stem, string? Original, bool Part);

    /// <summary>The format the writer writes: Pagefind's version whose index files it knows.</summary>
    public const string Version = "1.6.0";

    private readonly Dictionary<string, Entry[]> _words, _meta;

    private Lexicon(Dictionary<string, Entry[]> words, Dictionary<string, Entry[]> meta, string runtime, string version, string includeCharacters)
    {
        (_words, _meta, Runtime, ProgramVersion, IncludeCharacters) = (words, meta, runtime, version, includeCharacters);
    }

    /// <summary>The folder with Pagefind's runtime files (pagefind.js, wasm.*, pagefind-ui.*), as its program wrote them.</summary>
    public string Runtime { get; }

    /// <summary>The program's version, from its pagefind-entry.json.</summary>
    public string ProgramVersion { get; }

    /// <summary>The entry file's include_characters, as JSON.</summary>
    public string IncludeCharacters { get; }

    /// <summary>What the word indexes as; empty when nothing (punctuation alone).</summary>
    public IReadOnlyList<Entry> Of(string word) => _words.TryGetValue(word, out var entries) ? entries : [];

    /// <summary>What the word indexes as in a meta value (a title): Pagefind splits compounds there otherwise than in the text (U.S.-trained: train, not strain).</summary>
    public IReadOnlyList<Entry> OfMeta(string word) => _meta.TryGetValue(word, out var entries) ? entries : [];

    /// <summary>Runs Pagefind's program over pages of <paramref name="words"/> in <paramref name="scratch"/>; null, with what it said, if it failed.</summary>
    public static Lexicon? Ask(string program, IReadOnlyList<string> words, string scratch, CancellationToken cancel, out string said)
    {
        var site = Path.Combine(scratch, "site");
        // Pages of a thousand words, so that no one page is long: 0.38 s for the 29,500 words of the 10,000-article record.
        var pages = (words.Count + WordsPerPage - 1) / WordsPerPage;
        for (var n = 0; n < Math.Max(1, pages); n++)
        {
            var page = Path.Combine(site, "articles", $"w{n}", "index.html");
            Directory.CreateDirectory(Path.GetDirectoryName(page)!);
            var list = new StringBuilder();
            for (var k = n * WordsPerPage; k < Math.Min(words.Count, (n + 1) * WordsPerPage); k++)
                list.Append(words[k].Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)).Append(' ');
            // The words as text, and again as a meta value (not indexed as text); the paragraph's
            // full stop falls on the last word, not on one asked about.
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>words</title></head><body><main data-pagefind-body><p>")
                .Append(list).Append("end</p><div data-pagefind-ignore data-pagefind-meta=\"").Append(MetaField).Append("\">").Append(list).Append("</div></main></body></html>");
            File.WriteAllText(page, html.ToString());
        }
        var index = Path.Combine(scratch, "index");
        if (!SearchIndexer.Pagefind(program, site, index, Math.Max(1, pages), cancel, out said)) return null;
        try
        {
            return Read(index, words);
        }
        catch (Exception e) when (e is FormatException or IOException or JsonException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException)
        {
            said = $"Pagefind's index of the build's words could not be read: {e.Message}";
            return null;
        }
    }

    private const int WordsPerPage = 1000;
    private const string MetaField = "words";

    private static Lexicon Read(string index, IReadOnlyList<string> words)
    {
        using var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(index, "pagefind-entry.json")));
        var version = entry.RootElement.GetProperty("version").GetString() ?? "";
        var include = entry.RootElement.TryGetProperty("include_characters", out var chars) ? chars.GetRawText() : "[]";
        // Each page number's first word: from the page's address (/articles/wN/) in its record.
        var meta = (object?[])CborReader.Read(PagefindFile.Unpack(File.ReadAllBytes(Directory.GetFiles(index, "*.pf_meta").Single())))!;
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(index, "fragment"), "*.pf_fragment"))
        {
            using var fragment = JsonDocument.Parse(PagefindFile.Unpack(File.ReadAllBytes(file)));
            if (fragment.RootElement.TryGetProperty("url", out var url)) urls[Path.GetFileNameWithoutExtension(file)] = url.GetString()!;
            else foreach (var record in fragment.RootElement.EnumerateObject()) urls[record.Name] = record.Value.GetProperty("url").GetString()!;
        }
        var firstWord = ((object?[])meta[1]!).Select(p => int.Parse(urls[(string)((object?[])p!)[0]!].Trim('/').Split('/')[1][1..], System.Globalization.CultureInfo.InvariantCulture) * WordsPerPage).ToArray();
        // Position → what the index holds there, and at which weight (24 a whole word; less, a part of a compound).
        var at = new List<(string Stem, string? Original, int Weight)>?[words.Count];
        var inMeta = new List<(string Stem, string? Original, int Weight)>?[words.Count];
        var field = System.Array.IndexOf((object?[])meta[5]!, MetaField);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(index, "index"), "*.pf_index"))
        {
            var chunk = (object?[])CborReader.Read(PagefindFile.Unpack(File.ReadAllBytes(file)))!;
            foreach (var w in (object?[])chunk[0]!)
            {
                var word = (object?[])w!;
                var stem = (string)word[0]!;
                Add(at, inMeta, field, firstWord, stem, null, (object?[])word[1]!);
                foreach (var v in (object?[])word[2]!)
                {
                    var variant = (object?[])v!;
                    Add(at, inMeta, field, firstWord, stem, (string)variant[0]!, (object?[])variant[1]!);
                }
            }
        }
        var lexicon = new Dictionary<string, Entry[]>(words.Count, StringComparer.Ordinal);
        var metaLexicon = new Dictionary<string, Entry[]>(words.Count, StringComparer.Ordinal);
        for (var k = 0; k < words.Count; k++)
        {
            lexicon[words[k]] = at[k] is { } found ? [.. found.Select(f => new Entry(f.Stem, f.Original, f.Weight < 24))] : [];
            metaLexicon[words[k]] = inMeta[k] is { } metaFound ? [.. metaFound.Select(f => new Entry(f.Stem, f.Original, false))] : [];
        }
        return new Lexicon(lexicon, metaLexicon, index, version, include);
    }

    private static void Add(List<(string, string?, int)>?[] at, List<(string, string?, int)>?[] inMeta, int field, int[] firstWord, string stem, string? original, object?[] pages)
    {
        var number = 0;
        foreach (var p in pages)
        {
            var page = (object?[])p!;
            number += (int)(long)page[0]!;
            foreach (var (position, weight) in Locations((object?[])page[1]!))
                if (position < WordsPerPage && firstWord[number] + position < at.Length) (at[firstWord[number] + position] ??= []).Add((stem, original, weight));
            foreach (var (f, position) in MetaLocations((object?[])page[2]!))
                if (f == field && position < WordsPerPage && firstWord[number] + position < inMeta.Length) (inMeta[firstWord[number] + position] ??= []).Add((stem, original, 0));
        }
    }

    /// <summary>Pagefind's meta locations: a negative number starts a field (−field − 1), then positions as differences from the field's start.</summary>
    public static IEnumerable<(int Field, int Position)> MetaLocations(object?[] locs)
    {
        var field = -1;
        var last = 0;
        foreach (var item in locs)
        {
            var n = (int)(long)item!;
            if (n < 0)
            {
                field = -n - 1;
                last = 0;
                continue;
            }
            last += n;
            yield return (field, last);
        }
    }

    /// <summary>Pagefind's locations: a negative number sets the weight (−weight − 1) and is followed by a position; other numbers are each the distance from the last.</summary>
    public static IEnumerable<(int Position, int Weight)> Locations(object?[] locs)
    {
        var weight = 24;
        var last = 0;
        var absolute = false;
        foreach (var item in locs)
        {
            var n = (int)(long)item!;
            if (n < 0)
            {
                weight = -n - 1;
                absolute = true;
                continue;
            }
            last = absolute ? n : last + n;
            absolute = false;
            yield return (last, weight);
        }
    }
}
