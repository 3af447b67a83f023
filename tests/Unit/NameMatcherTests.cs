using System.Text.RegularExpressions;
using CaseRecord.Analysis;
using CsCheck;

namespace CaseRecord.Tests.Unit;

/// <summary>The name matcher finds exactly what the regex it replaced finds.</summary>
public sealed class NameMatcherTests
{
    private static readonly (string Slug, string[] Names)[] People =
    [
        ("sara-thornton", ["Sara Thornton", "Ms Thornton", "Thornton"]),
        ("sam-reid", ["Sam Reid", "Ms Reid", "Sam"]),
        ("jo-reid", ["Jo Reid", "Ms Reid"]),
        ("ann-marie-o-brien", ["Dr Ann-Marie O'Brien", "Dr O’Brien"]),
        ("emile-zola", ["Émile Zola", "Zola"]),
        ("tvp", ["Thames Valley Police", "TVP", "Thames Valley"]),
        ("spaced", ["Sara   Thornton Jr", "  Ms  Thornton  "]),
    ];

    private static readonly string[] Glue = ["", " ", ", ", "x", "1", "é", "said", "\n\n", "“", "-", "'s", "’s", "Ms", "Sa", "Thorn", "\u00A0", "\t", "٣"];
    private static readonly string[] Gaps = [" ", "  ", "\n", "\u00A0", "\t ", "\u2009"];

    /// <summary>Text made of names (their spaces as any white space, their apostrophes either way) and glue.</summary>
    private static readonly Gen<string> Texts =
        Gen.Select(Gen.Int[0, 1000].Array[1, 25], parts => string.Concat(parts.Select(n =>
        {
            if (n % 2 == 0) return Glue[n / 2 % Glue.Length];
            var names = People.SelectMany(p => p.Names).ToArray();
            var name = names[n / 2 % names.Length].Trim();
            return Regex.Replace(name, " +", _ => Gaps[n / 7 % Gaps.Length]).Replace('\'', n % 3 == 0 ? '’' : '\'');
        })));

    /// <summary>The regex the matcher replaced, with names keyed the same way: the oracle.</summary>
    private static List<(string Slugs, int Start, int End)> ByRegex(string text, int from, int to)
    {
        var slugsByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (slug, names) in People)
            foreach (var name in names)
            {
                var key = string.Join(' ', NameMatcher.Fold(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (!slugsByName.TryGetValue(key, out var list)) slugsByName[key] = list = [];
                if (!list.Contains(slug)) list.Add(slug);
            }
        var alternatives = slugsByName.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+"));
        var regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
        var hits = new List<(string, int, int)>();
        for (var m = regex.Match(NameMatcher.Fold(text), from, to - from); m.Success; m = m.NextMatch())
            hits.Add((string.Join(",", slugsByName[Regex.Replace(m.Value, @"\s+", " ")]), m.Index, m.Index + m.Length));
        return hits;
    }

    private static readonly NameMatcher Matcher = new(People.Select(p => (p.Slug, (IEnumerable<string>)p.Names)));

    private static List<(string Slugs, int Start, int End)> ByMatcher(string text, int from, int to) =>
        [.. Matcher.Find(text, from, to).Select(h => (string.Join(",", h.Slugs), h.Start, h.End))];

    [Fact]
    public void Finds_what_the_regex_finds_in_random_text_and_ranges()
    {
        Gen.Select(Texts, Gen.Double[0, 1], Gen.Double[0, 1]).Sample((text, a, b) =>
        {
            var (from, to) = ((int)(Math.Min(a, b) * text.Length), (int)(Math.Max(a, b) * text.Length));
            Assert.Equal(ByRegex(text, 0, text.Length), ByMatcher(text, 0, text.Length));
            Assert.Equal(ByRegex(text, from, to), ByMatcher(text, from, to));
        }, iter: 3000);
    }

    [Theory]
    [InlineData("Ms Sara Thornton said", "sara-thornton@3-16")]
    [InlineData("Sara\n Thornton and Ms Reid", "sara-thornton@0-14 sam-reid,jo-reid@19-26")]
    [InlineData("Thorntons and xThornton and Thornton1", "")]
    [InlineData("Dr O’Brien, Dr Ann-Marie O'Brien", "ann-marie-o-brien@0-10 ann-marie-o-brien@12-32")]
    [InlineData("Thames Valley Police (TVP)", "tvp@0-20 tvp@22-25")]
    [InlineData("Sara  Thornton  Jr and Ms  Thornton", "spaced@0-18 sara-thornton,spaced@23-35")]
    public void Finds_whole_names_longest_first(string text, string expected)
    {
        var found = string.Join(" ", ByMatcher(text, 0, text.Length).Select(h => $"{h.Slugs}@{h.Start}-{h.End}"));
        Assert.Equal(expected, found);
    }

    [Fact]
    public void No_names_find_nothing() => Assert.Empty(new NameMatcher([]).Find("Sara Thornton"));
}
