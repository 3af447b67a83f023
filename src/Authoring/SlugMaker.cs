using System.Text;

namespace CaseRecord.Authoring;

/// <summary>A slug made from a name or a line of text: ASCII-folded, lower case, its words joined by hyphens.</summary>
public static class SlugMaker
{
    /// <summary>"Zoë O’Brien-Łukasz" → "zoe-obrien-lukasz"; at most <paramref name="maxWords"/> words; "" when nothing is left.</summary>
    public static string From(string text, int maxWords = int.MaxValue)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') word.Append(c);
            // An apostrophe joins a word (O'Brien, Stansfeld's), it does not split it.
            else if (c is '\'' or '’') continue;
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return string.Join('-', words.Take(maxWords));
    }

    /// <summary>
    /// Latin letters with marks and their plain letters. Spelt out rather than left to Unicode
    /// decomposition, which the generator's invariant globalisation does not do.
    /// </summary>
    private static readonly (string Marked, string Plain)[] Letters =
    [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
    ];

    private static readonly Dictionary<char, string> Plain =
        Letters.SelectMany(l => l.Marked.Select(c => (c, l.Plain))).ToDictionary(x => x.c, x => x.Plain);

    /// <summary>Lower case, with each marked letter as its plain one (é → e, ł → l, ß → ss).</summary>
    private static string Fold(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant()) result.Append(Plain.TryGetValue(c, out var plain) ? plain : c.ToString());
        return result.ToString();
    }
}
