using CaseRecord.Content;

namespace CaseRecord.Authoring;

/// <summary>
/// Paragraphs that look like the web page's furniture rather than the story, copied along with it
/// ("Our top stories", "Read our comment policy"): suggested for <c>omit</c>, for the editor to confirm.
/// </summary>
public static class FurnitureLines
{
    /// <summary>A line this short with no closing punctuation is a heading or a link, not a sentence of the story.</summary>
    private const int MaxWords = 6;

    private static readonly string[] PagePhrases =
    [
        "comment policy", "commenting policy", "comments are closed", "comments policy", "community guidelines", "house rules",
        "have your say", "report this comment", "read more", "share this", "follow us", "sign up", "newsletter",
        "advertisement", "related articles", "most read", "top stories", "click here", "subscribe",
    ];

    public static IEnumerable<(Paragraph Paragraph, string Why)> Find(IEnumerable<Paragraph> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            var text = p.Text.Trim();
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var phrase = PagePhrases.FirstOrDefault(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
            // The first paragraph may be the headline, short and unpunctuated; it is the story's.
            if (p.Number > 1 && words <= MaxWords && !EndsAsSentence(text))
                yield return (p, "short, with no closing punctuation");
            else if (phrase is not null && words <= 3 * MaxWords)
                yield return (p, $"the page's words ('{phrase}')");
        }
    }

    private static bool EndsAsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '’' or '\'' or ')' or '…';
}
