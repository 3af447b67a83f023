using System.Collections.Immutable;

namespace CaseRecord.Analysis.Attribution;

/// <summary>What mention finding needs to know of the article's speakers: built once per article.</summary>
/// <param name="Genders">Each speaker's gender, from pronouns, titles or first name.</param>
/// <param name="BareSurnames">Surnames that, printed alone, mean one speaker of this article.</param>
/// <param name="BySurname">Every speaker with each surname, for titles the name matcher does not know (Cllr Stone).</param>
public sealed record ArticlePeople(
    IReadOnlyDictionary<string, Gender> Genders,
    IReadOnlyDictionary<string, string> BareSurnames,
    ILookup<string, string> BySurname,
    IReadOnlySet<string> Present);

/// <summary>
/// Finds the mentions of one paragraph outside its quotations, in this order of precedence:
/// speakers' names (from the name matcher), titles before a surname, organisations, bare
/// surnames of the article's speakers, descriptions of people ("the mother of one victim"),
/// other runs of capitalised words (a person or a body nobody listed), and she/he/they.
/// Each gets the role its place in the clause gives it.
/// </summary>
public static class MentionFinder
{
    public static List<Mention> Find(
        TokenizedParagraph tp,
        IEnumerable<(int Start, int End, string? Slug)> speakerHits,
        IEnumerable<(int Start, int End, string Slug)> organisationHits,
        IReadOnlySet<string> speakingBodies,
        ArticlePeople people)
    {
        var taken = new bool[tp.Tokens.Length];
        var found = new List<(int From, int To, MentionKind Kind, string? Slug, Gender Gender)>();
        bool Free(int from, int to)
        {
            for (var t = from; t < to; t++) if (taken[t]) return false;
            return true;
        }
        void Take(int from, int to, MentionKind kind, string? slug, Gender gender)
        {
            if (from >= to || !Free(from, to)) return;
            for (var t = from; t < to; t++) taken[t] = true;
            found.Add((from, to, kind, slug, gender));
        }
        (int From, int To) Range(int start, int end)
        {
            var from = tp.TokenAt(start);
            var to = from;
            while (to < tp.Tokens.Length && tp.Tokens[to].End <= end) to++;
            return (from, to);
        }

        // A description that names a body or person in its tail ("a spokesman for Thames Valley
        // Police") is the source, not the body it names; one that is only a name form ("the council") is the name.
        var speakerRanges = speakerHits.Select(h => (h, Range(h.Start, h.End))).ToList();
        var orgRanges = organisationHits.Select(h => (h, Range(h.Start, h.End))).ToList();
        var named = new bool[tp.Tokens.Length];
        foreach (var (from, to) in speakerRanges.Select(x => x.Item2).Concat(orgRanges.Select(x => x.Item2)))
            for (var t = from; t < to; t++) named[t] = true;
        Descriptions(tp, (from, to, kind, slug, gender) =>
        {
            // "the Carver Falls Police Department" is the body's name, not a description of someone.
            var tail = tp.Of(from, to).Split(' ').Any(w => w is "of" or "for" or "from" or "at");
            if (!named[from] && (tail || !named[to - 1])) Take(from, to, kind, slug, gender);
        }, Free);
        foreach (var ((start, end, slug), (from, to)) in speakerRanges)
        {
            if (to <= from) continue;
            if (slug is null) Take(from, to, MentionKind.Person, null, TitleGenderAt(tp, from));
            else Take(from, to, MentionKind.Speaker, slug, people.Genders.GetValueOrDefault(slug, Gender.Unknown));
        }
        TitledSurnames(tp, people, Take, Free);
        foreach (var ((_, _, slug), (from, to)) in orgRanges)
        {
            if (speakingBodies.Contains(slug)) Take(from, to, MentionKind.Speaker, slug, Gender.They);
            else Take(from, to, MentionKind.Body, slug, Gender.They);
        }
        for (var t = 0; t < tp.Tokens.Length; t++)
            if (!taken[t] && tp.IsCapitalised(t) && people.BareSurnames.TryGetValue(tp.Of(t), out var slug)
                && !tp.IsCapitalised(t - 1) && !(tp.IsCapitalised(t + 1) && !tp.StartsSentence(t + 1)))
                Take(t, t + 1, MentionKind.Speaker, slug, people.Genders.GetValueOrDefault(slug, Gender.Unknown));
        Descriptions(tp, Take, Free);
        CapitalisedRuns(tp, Take, Free);
        for (var t = 0; t < tp.Tokens.Length; t++)
            if (!taken[t] && tp.Tokens[t].IsWord && tp.Of(t).ToLowerInvariant() is "she" or "he" or "they")
                Take(t, t + 1, MentionKind.Pronoun, null, Gender.Unknown);

        var ends = found.Select(f => f.To).ToHashSet();
        return [.. found.OrderBy(f => f.From).Select(f => new Mention(tp.Paragraph.Number, f.From, f.To, f.Kind, f.Slug, f.Gender,
            tp.Of(f.From, f.To), RoleOf(tp, f.From, f.To),
            Joined: f.From >= 2 && (tp.IsWord(f.From - 1, "and") || tp.IsPunct(f.From - 1, '&')) && ends.Contains(f.From - 1),
            Listener: f.From >= 1 && tp.Tokens[f.From - 1].IsWord && Lexicon.ToldVerbs.Contains(tp.Of(f.From - 1))))];
    }

    /// <summary>"Cllr Stone", "Det Supt Harris", "Mrs Jones": a speaker when one has the surname, else a person of the title's gender.</summary>
    private static void TitledSurnames(TokenizedParagraph tp, ArticlePeople people,
        Action<int, int, MentionKind, string?, Gender> take, Func<int, int, bool> free)
    {
        for (var t = 0; t < tp.Tokens.Length; t++)
        {
            if (!tp.Tokens[t].IsWord || !char.IsUpper(tp.Text[tp.Tokens[t].Start])) continue;
            foreach (var (words, gender) in Lexicon.TitleWords)
            {
                var k = t;
                var ok = true;
                foreach (var w in words)
                {
                    if (!tp.IsWord(k, w) || !char.IsUpper(tp.Text[tp.Tokens[k].Start])) { ok = false; break; }
                    k++;
                    if (tp.IsPunct(k, '.')) k++;
                }
                if (!ok || !tp.IsCapitalised(k) || Lexicon.NotNames.Contains(tp.Of(k))) continue;
                var end = k + 1;
                if (tp.IsCapitalised(end) && !Lexicon.NotNames.Contains(tp.Of(end)) && tp.Tokens[end].Sentence == tp.Tokens[k].Sentence) end++;
                if (!free(t, end)) break;
                var surname = tp.Of(end - 1);
                var slugs = people.BySurname[surname].ToList();
                var present = slugs.Where(people.Present.Contains).ToList();
                if (present.Count == 1) slugs = present;
                if (slugs.Count == 1) take(t, end, MentionKind.Speaker, slugs[0], gender != Gender.Unknown ? gender : people.Genders.GetValueOrDefault(slugs[0], Gender.Unknown));
                else take(t, end, MentionKind.Person, null, gender != Gender.Unknown ? gender : FirstNameGender(tp, t, end));
                t = end - 1;
                break;
            }
        }
    }

    private static Gender TitleGenderAt(TokenizedParagraph tp, int t) => Lexicon.TitleGender(tp.Of(t)) is var g and not Gender.Unknown
        ? g : Lexicon.FirstNames.GetValueOrDefault(tp.Of(t), Gender.Unknown);

    private static Gender FirstNameGender(TokenizedParagraph tp, int from, int to)
    {
        for (var t = from; t < to - 1; t++)
            if (Lexicon.FirstNames.TryGetValue(tp.Of(t), out var g)) return g;
        return Gender.Unknown;
    }

    /// <summary>"a council spokesman", "the mother of one victim", "one young woman", "Residents": people described, not named.</summary>
    private static void Descriptions(TokenizedParagraph tp, Action<int, int, MentionKind, string?, Gender> take, Func<int, int, bool> free)
    {
        var n = tp.Tokens.Length;
        for (var t = 0; t < n; t++)
        {
            if (!tp.Tokens[t].IsWord) continue;
            var word = tp.Of(t);
            int head;
            var start = t;
            if (Lexicon.Determiners.Contains(word))
            {
                head = -1;
                for (var k = t + 1; k < n && k <= t + 5 && tp.Tokens[k].IsWord && tp.Tokens[k].Sentence == tp.Tokens[t].Sentence; k++)
                {
                    var w = Bare(tp.Of(k));
                    if (Lexicon.Cues.Contains(tp.Of(k)) || Lexicon.Subordinators.Contains(tp.Of(k)) || Lexicon.Determiners.Contains(tp.Of(k))) break;
                    if (Lexicon.PersonNouns.ContainsKey(tp.Of(k)) && !tp.IsPossessive(k)) head = k;
                    else if (head >= 0) break;
                    else if (Lexicon.PersonNouns.ContainsKey(w)) continue; // "the victim's mother"
                }
                if (head < 0) continue;
            }
            else if (tp.IsCapitalised(t) && tp.IsPossessive(t) && t + 1 < n && tp.Tokens[t + 1].IsWord
                     && Lexicon.PersonNouns.ContainsKey(tp.Of(t + 1)) && !tp.IsPossessive(t + 1))
            {
                // "Chloe’s mother", "Mrs Gilbert’s daughter": a person described through someone named.
                head = t + 1;
                while (start > 0 && tp.IsCapitalised(start - 1) && free(start - 1, start) && OnlySpaceBetween(tp, start - 1, start)
                       && tp.Tokens[start - 1].Sentence == tp.Tokens[t].Sentence) start--;
            }
            else if (Lexicon.PersonNouns.TryGetValue(word, out var plural) && plural == Gender.They && word.EndsWith('s')
                     && (tp.StartsSentence(t) || tp.IsPunct(t - 1, ',') || tp.IsWord(t - 1, "and")))
                head = t;
            else continue;

            var end = head + 1;
            // "… of one victim", "… for Thames Valley Police", "… at the school".
            if (end < n && tp.Tokens[end].IsWord && tp.Of(end).ToLowerInvariant() is "of" or "for" or "from" or "at")
            {
                var k = end + 1;
                var last = -1;
                while (k < n && tp.Tokens[k].IsWord && k <= end + 6)
                {
                    var w = tp.Of(k);
                    if (Lexicon.Cues.Contains(w) || Lexicon.Adverbs.Contains(w) || Lexicon.Subordinators.Contains(w) || w is "and" or "or") break;
                    if (Lexicon.Determiners.Contains(w) || Lexicon.PersonNouns.ContainsKey(w) || tp.IsCapitalised(k)) { last = k; k++; continue; }
                    if (w == "of" && k + 1 < n && Lexicon.Determiners.Contains(tp.Of(k + 1))) { k++; continue; } // "the mother of one of the girls"
                    if (k + 1 < n && Lexicon.PersonNouns.ContainsKey(tp.Of(k + 1))) { k++; continue; }
                    break;
                }
                if (last >= 0 && (Lexicon.PersonNouns.ContainsKey(tp.Of(last)) || tp.IsCapitalised(last))) end = last + 1;
            }
            if (!free(start, end)) continue;
            var gender = Lexicon.PersonNouns[tp.Of(head)];
            take(start, end, MentionKind.Description, null, gender);
            t = end - 1;
        }
    }

    /// <summary>Two or more capitalised words nobody listed: a person ("Joanna Simons"), or a body or place when a word says so ("Crown Court").</summary>
    private static void CapitalisedRuns(TokenizedParagraph tp, Action<int, int, MentionKind, string?, Gender> take, Func<int, int, bool> free)
    {
        var n = tp.Tokens.Length;
        for (var t = 0; t < n; t++)
        {
            if (!tp.IsCapitalised(t) || !free(t, t + 1)) continue;
            var from = t;
            // Sentence openers and titles left over from a name ("Det Supt" before a speaker's name) are not a name.
            while (from < n && tp.IsCapitalised(from) && (Lexicon.NotNames.Contains(tp.Of(from)) || Lexicon.IsTitleWord(tp.Of(from))) && free(from, from + 1)) from++;
            var to = from;
            while (to < n && tp.IsCapitalised(to) && free(to, to + 1) && (to == from || (tp.Tokens[to].Sentence == tp.Tokens[from].Sentence
                   && !Lexicon.NotNames.Contains(tp.Of(to)) && OnlySpaceBetween(tp, to - 1, to))))
                to++;
            if (to - from >= 2)
            {
                var body = false;
                for (var k = from; k < to; k++) body |= Lexicon.BodyWords.Contains(Bare(tp.Of(k)));
                if (body) take(from, to, MentionKind.Body, null, Gender.They);
                else take(from, to, MentionKind.Person, null, Lexicon.FirstNames.GetValueOrDefault(tp.Of(from), Gender.Unknown));
            }
            t = Math.Max(t, to - 1);
        }
    }

    private static bool OnlySpaceBetween(TokenizedParagraph tp, int a, int b)
    {
        for (var i = tp.Tokens[a].End; i < tp.Tokens[b].Start; i++) if (!char.IsWhiteSpace(tp.Text[i])) return false;
        return true;
    }

    private static string Bare(string word) => Lexicon.EndsWithApostropheS(word) ? word[..^2] : word;

    /// <summary>
    /// The mention's role from the word before it, role words such as "council leader" skipped:
    /// nothing, punctuation, a quotation, "and" or an opening adverb leave it the subject; "because",
    /// "that", "how" … a subordinate subject; any other word (a verb, a preposition) an object. A
    /// possessive ("Mr Stansfeld's claims") is never the subject.
    /// </summary>
    public static Role RoleOf(TokenizedParagraph tp, int from, int to)
    {
        if (tp.IsPossessive(to - 1)) return Role.Object;
        var k = from - 1;
        // "Opposition leader Councillor Helen Carter", "board President Linda Alvarez": words of the role.
        while (k >= 0 && tp.Tokens[k].IsWord && tp.Tokens[k].Sentence == tp.Tokens[from].Sentence
               && (Lexicon.IsTitleWord(tp.Of(k)) || (tp.IsCapitalised(k) && !Lexicon.NotNames.Contains(tp.Of(k))))) k--;
        if (k < 0 || tp.Tokens[k].Sentence != tp.Tokens[from].Sentence) return Role.Subject;
        if (tp.StartsSentence(k) && Lexicon.Determiners.Contains(tp.Of(k)) && k < from - 1) return Role.Subject;
        var tok = tp.Tokens[k];
        if (tok.Kind == TokenKind.Quote) return Role.Subject;
        if (tok.Kind == TokenKind.Punct) return tp.Text[tok.Start] is ',' or ';' or ':' or '(' or '–' or '—' or '-' ? Role.Subject : Role.Object;
        var w = tp.Of(k);
        if (Lexicon.Cues.Contains(w))
        {
            // "“…,” said Dr Lee" makes Dr Lee the subject; "told Ms Simons" makes her the listener.
            if (Lexicon.ToldVerbs.Contains(w)) return Role.Object;
            var b = k - 1;
            return b >= 0 && tp.Tokens[b].Sentence == tp.Tokens[k].Sentence && (tp.Tokens[b].Kind == TokenKind.Quote || tp.IsPunct(b, ','))
                ? Role.Subject : Role.Object;
        }
        if (Lexicon.Coordinators.Contains(w) || Lexicon.Adverbs.Contains(w)) return Role.Subject;
        if (Lexicon.Subordinators.Contains(w)) return Role.Minor;
        if (tp.StartsSentence(k) && Lexicon.Openers.Contains(w)) return Role.Subject;
        return Role.Object;
    }
}
