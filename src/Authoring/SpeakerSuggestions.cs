using CaseRecord.Analysis;
using CaseRecord.Analysis.Attribution;

namespace CaseRecord.Authoring;

/// <summary>A speaker the draft's quotations point to: a slug of the record, or a name with no file yet; and the paragraphs of their quotations.</summary>
public sealed record SpeakerSuggestion(string? Slug, string? Name, IReadOnlyList<int> Paragraphs);

/// <summary>
/// Who the text quotes, as the build's own attribution reads it (speech cues, pronouns, captions):
/// the speakers of the record it attributes quotations to, and the names it finds as the source
/// of a cue that no speaker file matches, for the editor to add.
/// </summary>
public static class SpeakerSuggestions
{
    public static (List<SpeakerSuggestion> Known, List<SpeakerSuggestion> New) From(AnalysedArticle analysed)
    {
        var known = analysed.Quotations.Where(q => q.IsSpeech && q.SpeakerSlug is not null)
            .GroupBy(q => q.SpeakerSlug!, StringComparer.Ordinal)
            .Select(g => new SpeakerSuggestion(g.Key, null, Paragraphs(g)))
            .OrderBy(s => s.Paragraphs[0]).ToList();

        var text = string.Join("\n\n", analysed.Paragraphs.Where(p => !p.Omitted).Select(p => p.Text));
        var named = analysed.Quotations.Where(q => q.Basis == AttributionBasis.Unattributed)
            .SelectMany(q => q.Evidence.CandidateSlugs.Select(c => (Name: FullName(c, text), Quote: q)))
            .Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.Ordinal)
            .Select(g => new SpeakerSuggestion(null, g.Key, Paragraphs(g.Select(x => x.Quote))))
            .OrderBy(s => s.Paragraphs[0]).ToList();
        return (known, named);
    }

    private static List<int> Paragraphs(IEnumerable<Quotation> quotations) => [.. quotations.Select(q => q.FirstParagraph).Distinct().Order()];

    /// <summary>
    /// A candidate that is a person's name, in full where the text gives it: "Ms Haddad" is "Leila
    /// Haddad" when the text names her so; null for a description ("a council spokesman") or a body.
    /// </summary>
    private static string? FullName(string candidate, string text)
    {
        var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 5 || !words.All(w => char.IsUpper(w[0]))) return null;
        if (words.Any(w => Lexicon.BodyWords.Contains(w)) || Lexicon.NotNames.Contains(words[0]) && !Lexicon.IsTitle(words[0])) return null;
        var titled = Lexicon.IsTitle(words[0].TrimEnd('.'));
        var rest = titled ? words[1..] : words;
        if (rest.Length == 0) return null;
        if (rest.Length > 1) return string.Join(' ', rest);
        // A title and a surname alone: the first name printed before the surname elsewhere, if any.
        var given = SpeakerDirectory.WordsBefore(text, rest[0])
            .FirstOrDefault(w => !Lexicon.IsTitle(w) && !Lexicon.NotNames.Contains(w) && !Lexicon.RoleWords.Contains(w));
        return given is null ? (titled ? candidate : null) : $"{given} {rest[0]}";
    }
}
