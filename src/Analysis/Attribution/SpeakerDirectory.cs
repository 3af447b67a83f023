using System.Collections.Frozen;
using CaseRecord.Content;

namespace CaseRecord.Analysis.Attribution;

/// <summary>
/// What attribution knows of every speaker, worked out once per build: each one's gender (the
/// <c>pronouns</c> key, else a title in their name or aliases, else a common first name; a body
/// is <c>they</c>), who is a body, and who has each surname.
/// </summary>
public sealed partial class SpeakerDirectory
{
    private readonly FrozenDictionary<string, SpeakerDoc> _speakers;
    private readonly FrozenDictionary<string, Gender> _genders;
    private readonly ILookup<string, string> _bySurname;

    public SpeakerDirectory(IEnumerable<SpeakerDoc> speakers, IEnumerable<OrganisationDoc> organisations)
    {
        _speakers = speakers.GroupBy(s => s.Slug).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var orgSlugs = organisations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        var orgNames = organisations.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Bodies = _speakers.Values.Where(s => s.Pronouns == "they" || (s.Pronouns is null && (orgSlugs.Contains(s.Slug) || orgNames.Contains(s.Name)
                || s.Name.Split(' ').Any(w => Lexicon.BodyWords.Contains(w)) && !s.Name.Split(' ').Any(w => Lexicon.FirstNames.ContainsKey(w)))))
            .Select(s => s.Slug).ToFrozenSet(StringComparer.Ordinal);
        _genders = _speakers.Values.ToFrozenDictionary(s => s.Slug, s => GenderOf(s, Bodies.Contains(s.Slug)), StringComparer.Ordinal);
        _bySurname = _speakers.Values.Where(s => !Bodies.Contains(s.Slug)).Select(s => (Surname(s.Name), s.Slug))
            .Where(x => x.Item1.Length > 1).ToLookup(x => x.Item1, x => x.Slug, StringComparer.Ordinal);
    }

    /// <summary>Speakers that are bodies (a council, a force): they speak as "they".</summary>
    public FrozenSet<string> Bodies { get; }

    public bool Has(string slug) => _speakers.ContainsKey(slug);

    /// <summary>Every speaker's slug, for suggesting one in place of a mistyped slug.</summary>
    public IEnumerable<string> Slugs => _speakers.Keys;

    public Gender GenderOf(string slug) => _genders.GetValueOrDefault(slug, Gender.Unknown);

    public static string Surname(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? "" : words[^1];
    }

    private static Gender GenderOf(SpeakerDoc s, bool body)
    {
        if (body) return Gender.They;
        switch (s.Pronouns)
        {
            case "she": return Gender.She;
            case "he": return Gender.He;
            case "they": return Gender.They;
        }
        foreach (var form in s.Aliases.Prepend(s.Name))
        {
            var first = form.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('.');
            if (first is not null && Lexicon.TitleGender(first) is var g and not Gender.Unknown) return g;
        }
        var given = s.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return given is not null && Lexicon.FirstNames.TryGetValue(given, out var byName) ? byName : Gender.Unknown;
    }

    /// <summary>
    /// The capitalised word printed before each whole-word <paramref name="surname"/> in
    /// <paramref name="text"/> ("Jane" of "Jane Thornton", "Ms" of "Ms Thornton"): a capital,
    /// then small letters, apostrophes or hyphens, then white space.
    /// </summary>
    public static IEnumerable<string> WordsBefore(string text, string surname)
    {
        var taken = 0; // as a regex would, a match does not reuse the words of the one before
        for (var at = text.IndexOf(surname, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surname, at + surname.Length, StringComparison.Ordinal))
        {
            var end = at + surname.Length;
            if (end < text.Length && char.IsLetter(text[end])) continue;
            var k = at;
            while (k > 0 && char.IsWhiteSpace(text[k - 1])) k--;
            if (k == at) continue;
            var wordEnd = k;
            while (k > 0 && (char.IsLower(text[k - 1]) || text[k - 1] is '\'' or '’' or '-')) k--;
            if (k == 0 || k == wordEnd || !char.IsUpper(text[k - 1])) continue;
            k--;
            if ((k > 0 && char.IsLetter(text[k - 1])) || k < taken) continue;
            taken = end;
            yield return text[k..wordEnd];
        }
    }

    /// <summary>The article's view: its present speakers' genders (a title printed before the name settles an unknown one), and the bare surnames that mean one of them.</summary>
    public ArticlePeople For(IReadOnlySet<string> present, IEnumerable<string> paragraphs)
    {
        var texts = paragraphs.ToList();
        var genders = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (var slug in present) genders[slug] = GenderOf(slug);
        var surnames = present.Where(s => _speakers.ContainsKey(s) && !Bodies.Contains(s))
            .GroupBy(s => Surname(_speakers[s].Name), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 1 && g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        foreach (var (surname, slug) in surnames.ToList())
        {
            var given = _speakers[slug].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            foreach (var text in texts)
                foreach (var before in WordsBefore(text, surname))
                {
                    if (Lexicon.IsTitle(before))
                    {
                        var implied = Lexicon.TitleGender(before);
                        if (genders[slug] == Gender.Unknown && implied != Gender.Unknown) genders[slug] = implied;
                        continue;
                    }
                    if (before == given || Lexicon.NotNames.Contains(before) || Lexicon.RoleWords.Contains(before)) continue;
                    surnames.Remove(surname); // another person with this surname: "Jane Thornton"
                }
        }
        return new ArticlePeople(genders, surnames, _bySurname, present);
    }
}
