using System.Collections.Immutable;
using System.Text;
using System.Buffers;

namespace CaseRecord.Analysis;

/// <summary>
/// A place where a name was found: [Start, End) in the searched text. Usually one slug; several
/// when people share the name form ("Ms Reid" for two Reids), for the caller to settle.
/// </summary>
public readonly record struct NameHit(ImmutableArray<string> Slugs, int Start, int End)
{
    public string Slug => Slugs[0];
    public bool IsAmbiguous => Slugs.Length > 1;
}

/// <summary>
/// Finds the names of a set of people or bodies in text, built once per build and shared by every
/// article. Matching is case-sensitive (names are proper nouns) with two exceptions papers need:
/// a word printed in capitals for emphasis matches its name (<c>JOANNA Simons</c>, <c>SARA
/// THORNTON</c>), and a name form that starts with a small letter (<c>the council</c>) matches
/// with a capital at the start of a sentence. Straight and curly apostrophes count alike, a space
/// in a name matches any run of white space, and only whole words match: no letter or digit just
/// before or after.
/// </summary>
/// <remarks>
/// This is the regex <c>(?&lt;![\p{L}\p{N}])(?:name1|name2|…)(?![\p{L}\p{N}])</c>, names longest
/// first, done by hand: with hundreds of speakers the compiled regex was too big for the JIT to
/// optimise and took 40 % of the analysis. Here a vectorised search finds the next place where
/// some name's first word starts, and only the names beginning with that letter are tried there,
/// in the regex's order. <c>NameMatcherTests</c> holds it to the regex.
/// </remarks>
public sealed class NameMatcher
{
    private readonly Dictionary<string, ImmutableArray<string>> _slugsByName;
    private readonly SearchValues<string>? _firstWords;
    // The names by first character, longest first and then in ordinal order: the regex's alternation.
    private readonly Dictionary<char, string[]> _byFirstChar = [];

    public NameMatcher(IEnumerable<(string Slug, IEnumerable<string> Names)> entries)
    {
        _slugsByName = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (slug, names) in entries)
            foreach (var name in names)
            {
                var key = Key(name);
                if (key.Length == 0) continue;
                var known = _slugsByName.GetValueOrDefault(key, []);
                if (!known.Contains(slug)) _slugsByName[key] = known.Add(slug);
            }
        if (_slugsByName.Count == 0) return;
        foreach (var group in _slugsByName.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).GroupBy(k => char.ToUpperInvariant(k[0])))
            _byFirstChar[group.Key] = [.. group];
        // Ignoring case here only widens the candidates; MatchAt decides which case differences count.
        _firstWords = SearchValues.Create([.. _slugsByName.Keys.Select(k => k.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
    }

    // A name as it is matched: apostrophes folded, and each run of white space one space.
    private static string Key(string name) => string.Join(' ', Fold(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Finds names in <paramref name="text"/>, optionally only within [from, to), as if nothing lay outside it.</summary>
    public IEnumerable<NameHit> Find(string text, int from = 0, int to = -1)
    {
        if (_firstWords is null) yield break;
        if (to < 0) to = text.Length;
        var folded = Fold(text);
        var at = from;
        while (at < to)
        {
            var found = folded.AsSpan(at, to - at).IndexOfAny(_firstWords);
            if (found < 0) yield break;
            var start = at + found;
            at = start + 1;
            if (start > from && IsWordChar(folded[start - 1])) continue;
            if (!_byFirstChar.TryGetValue(char.ToUpperInvariant(folded[start]), out var keys)) continue;
            foreach (var key in keys)
            {
                var end = MatchAt(folded, start, to, key);
                if (end < 0 || (end < to && IsWordChar(folded[end]))) continue;
                yield return new NameHit(_slugsByName[key], start, end);
                at = end;
                break;
            }
        }
    }

    /// <summary>Where <paramref name="key"/> ends when it matches at <paramref name="start"/>, a space matching one or more white-space characters; -1 when it does not.</summary>
    private static int MatchAt(string text, int start, int to, string key)
    {
        var i = start;
        var capitals = IsCapitalsWord(text, start, to);
        for (var k = 0; k < key.Length; k++)
        {
            var c = key[k];
            if (i >= to) return -1;
            if (c == ' ')
            {
                if (!char.IsWhiteSpace(text[i])) return -1;
                while (i < to && char.IsWhiteSpace(text[i])) i++;
                capitals = IsCapitalsWord(text, i, to);
                continue;
            }
            var t = text[i++];
            if (t == c) continue;
            var sameLetter = char.IsLower(c) && char.ToUpperInvariant(c) == t;
            if (!sameLetter || !(capitals || k == 0)) return -1;
        }
        return i;
    }

    /// <summary>Whether the word at <paramref name="at"/> is printed in capitals: two or more letters, none small.</summary>
    private static bool IsCapitalsWord(string text, int at, int to)
    {
        var letters = 0;
        for (var i = at; i < to && IsWordChar(text[i]); i++)
        {
            if (char.IsLower(text[i])) return false;
            if (char.IsLetter(text[i])) letters++;
        }
        return letters >= 2;
    }

    // The regex's [\p{L}\p{N}]: letters and numbers of every script.
    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>Same length as the input, so offsets carry over: curly apostrophes become straight.</summary>
    public static string Fold(string text)
    {
        if (text.IndexOfAny(['’', '‘', '`']) < 0) return text;
        var sb = new StringBuilder(text);
        for (var i = 0; i < sb.Length; i++)
            if (sb[i] is '’' or '‘' or '`') sb[i] = '\'';
        return sb.ToString();
    }

    /// <summary>As <see cref="Fold"/>, and curly double quotes as straight ones: for matching editors' words against the source.</summary>
    public static string FoldQuotes(string text) => Fold(text).Replace('“', '"').Replace('”', '"');

    public static readonly ImmutableArray<string> Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"];
}
