using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

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
/// Finds the names of a set of people or bodies in text with one compiled regex, built once per
/// build and shared by every article. Matching is case-sensitive (names are proper nouns) but
/// treats straight and curly apostrophes alike, and only whole words match.
/// </summary>
public sealed class NameMatcher
{
    private readonly Regex? _regex;
    private readonly Dictionary<string, ImmutableArray<string>> _slugsByName;

    public NameMatcher(IEnumerable<(string Slug, IEnumerable<string> Names)> entries)
    {
        _slugsByName = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (slug, names) in entries)
            foreach (var name in names)
            {
                var key = Fold(name.Trim());
                if (key.Length == 0) continue;
                var known = _slugsByName.GetValueOrDefault(key, []);
                if (!known.Contains(slug)) _slugsByName[key] = known.Add(slug);
            }
        if (_slugsByName.Count == 0) return;
        var alternatives = _slugsByName.Keys
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
            if (_slugsByName.TryGetValue(key, out var slugs)) yield return new NameHit(slugs, m.Index, m.Index + m.Length);
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

    /// <summary>As <see cref="Fold"/>, and curly double quotes as straight ones: for matching editors' words against the source.</summary>
    public static string FoldQuotes(string text) => Fold(text).Replace('“', '"').Replace('”', '"');

    public static readonly ImmutableArray<string> Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"];
}
