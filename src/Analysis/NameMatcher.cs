using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseRecord.Analysis;

/// <summary>A place where a name was found: [Start, End) in the searched text.</summary>
public readonly record struct NameHit(string Slug, int Start, int End);

/// <summary>
/// Finds the names of a set of people or bodies in text with one compiled regex, built once per
/// build and shared by every article. Matching is case-sensitive (names are proper nouns) but
/// treats straight and curly apostrophes alike, and only whole words match.
/// </summary>
public sealed class NameMatcher
{
    private readonly Regex? _regex;
    private readonly Dictionary<string, string> _slugByName;

    public NameMatcher(IEnumerable<(string Slug, IEnumerable<string> Names)> entries)
    {
        _slugByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, names) in entries)
            foreach (var name in names)
            {
                var key = Fold(name.Trim());
                if (key.Length > 0) _slugByName.TryAdd(key, slug);
            }
        if (_slugByName.Count == 0) return;
        var alternatives = _slugByName.Keys
            .OrderByDescending(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+"));
        _regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    /// <summary>Finds names in <paramref name="text"/>, optionally only within [from, to).</summary>
    public IEnumerable<NameHit> Find(string text, int from = 0, int to = -1)
    {
        if (_regex is null) yield break;
        if (to < 0) to = text.Length;
        var folded = Fold(text);
        var m = _regex.Match(folded, from, to - from);
        while (m.Success)
        {
            var key = Regex.Replace(m.Value, @"\s+", " ");
            if (_slugByName.TryGetValue(key, out var slug)) yield return new NameHit(slug, m.Index, m.Index + m.Length);
            m = m.NextMatch();
        }
    }

    /// <summary>Same length as the input, so offsets carry over: curly apostrophes become straight.</summary>
    public static string Fold(string text)
    {
        if (text.IndexOfAny(['’', '‘', '`']) < 0) return text;
        var sb = new StringBuilder(text);
        for (var i = 0; i < sb.Length; i++)
            if (sb[i] is '’' or '‘' or '`') sb[i] = '\'';
        return sb.ToString();
    }

    public static readonly ImmutableArray<string> Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"];
}
