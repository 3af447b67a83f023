namespace CaseRecord.Analysis.Attribution;

/// <summary>A speech cue tied to a quotation: the cue's words, the mention that names its source, and the rule that tied them.</summary>
public sealed record CueLink(string Rule, string Cue, Mention Source, int Distance);

/// <summary>
/// Ties quotations to speech cues within their sentence (Citron's cue, source, content): a cue
/// before the quotation with its subject before it or after it ("Ms Thornton said:", "said Dr
/// Lee"), a cue just after it ("“…,” she said", "“…”, the review found"), "according to X",
/// a caption ("Maggie Blyth: “…”"), and "quoted X as saying", which goes to X. Small rules, each
/// tested on strings in AttributionRuleTests.
/// </summary>
public static class CueLinker
{
    /// <summary>How many words may stand between a cue and the quotation it introduces; more when a colon ends them.</summary>
    public const int MaxGap = 16, MaxGapToColon = 25;

    /// <summary>How far from a quotation, in tokens, a cue is looked for: it keeps a paragraph of thousands of quotations linear.</summary>
    private const int WindowBefore = 3 * MaxGapToColon, WindowAfter = 12;

    public static List<CueLink> Links(TokenizedParagraph tp, Mentions mentions, int quoteToken)
    {
        var links = new List<CueLink>();
        var sentence = tp.Tokens[quoteToken].Sentence;
        if (Caption(tp, mentions, quoteToken) is { } caption) links.Add(caption);
        for (var c = Math.Max(0, quoteToken - WindowBefore); c < tp.Tokens.Length && c <= quoteToken + WindowAfter; c++)
        {
            if (tp.Tokens[c].Sentence != sentence || !tp.Tokens[c].IsWord) continue;
            var word = tp.Of(c);
            if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && tp.IsWord(c + 1, "to"))
            {
                if (AfterTitles(tp, mentions, c + 2) is { } m) links.Add(new CueLink("according-to", "according to", m, Math.Abs(quoteToken - c)));
                continue;
            }
            if (!Lexicon.Cues.Contains(word) && !Lexicon.QuotingVerbs.Contains(word)) continue;
            var (subject, inverted) = SubjectOf(tp, mentions, c);
            if (c < quoteToken && Before(tp, mentions, c, subject, inverted, quoteToken) is { } pre) links.Add(pre);
            else if (c > quoteToken && subject is not null && !Lexicon.QuotingVerbs.Contains(word) && After(tp, quoteToken, c, subject, inverted))
                links.Add(new CueLink("cue", word, subject, c - quoteToken));
        }
        if (links.Count == 0 && NextSentenceCue(tp, mentions, quoteToken) is { } next) links.Add(next);
        return links;
    }

    /// <summary>"“Did you see that email?” Ms Haddad asked.": the question mark ends the sentence, but the cue right after it is the quotation's.</summary>
    private static CueLink? NextSentenceCue(TokenizedParagraph tp, Mentions mentions, int quoteToken)
    {
        var q = tp.Tokens[quoteToken];
        var n = quoteToken + 1;
        if (n >= tp.Tokens.Length || tp.Tokens[n].Sentence == q.Sentence) return null;
        var inner = tp.Text[q.Start..q.End].TrimEnd('”', '"', '’', ' ');
        if (inner.Length == 0 || inner[^1] is not ('?' or '!')) return null;
        // "… Ms Haddad asked", "… she asked": a source and then its cue.
        var m = mentions.StartingAt(n) is { Kind: MentionKind.Pronoun } pronoun ? pronoun : AfterTitles(tp, mentions, n);
        if (m is not null)
        {
            var c = m.TokEnd;
            while (c < tp.Tokens.Length && tp.Tokens[c].IsWord && Lexicon.Adverbs.Contains(tp.Of(c))) c++;
            if (c < tp.Tokens.Length && tp.Tokens[c].IsWord && Lexicon.Cues.Contains(tp.Of(c)) && !tp.Of(c).EndsWith("ing", StringComparison.Ordinal))
                return new CueLink("cue", tp.Of(c), m, c - quoteToken);
        }
        if (tp.Tokens[n].IsWord && Lexicon.Cues.Contains(tp.Of(n)) && AfterTitles(tp, mentions, n + 1) is { } after && after.Kind != MentionKind.Pronoun)
            return new CueLink("cue", tp.Of(n), after, 1);
        return null;
    }

    /// <summary>The mention at <paramref name="t"/>, or after the titles and role words there ("Superintendent Marcus Bell").</summary>
    private static Mention? AfterTitles(TokenizedParagraph tp, Mentions mentions, int t) =>
        mentions.StartingAt(t) ?? mentions.StartingAt(SkipTitles(tp, t));

    /// <summary>The first token after titles and role words ("Dr", "Superintendent", "board President") that may stand before a name.</summary>
    private static int SkipTitles(TokenizedParagraph tp, int t)
    {
        while (t < tp.Tokens.Length && ((tp.Tokens[t].IsWord && Lexicon.IsTitleWord(tp.Of(t)) && tp.Of(t).ToLowerInvariant() is not ("of" or "the" or "and"))
               || tp.IsPunct(t, '.'))) t++;
        return t;
    }

    /// <summary>The source of the cue at <paramref name="c"/>: the mention just before it (adverbs and an appositive between commas skipped), or just after it when it is inverted ("said Dr Lee").</summary>
    public static (Mention? Subject, bool Inverted) SubjectOf(TokenizedParagraph tp, Mentions mentions, int c)
    {
        var sentence = tp.Tokens[c].Sentence;
        // A participle ("…, saying", "adding:") has no subject of its own: see Participle.
        if (tp.Of(c).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return (null, false);
        var k = c - 1;
        var skipped = 0;
        while (k >= 0 && tp.Tokens[k].Sentence == sentence && tp.Tokens[k].IsWord && Lexicon.Adverbs.Contains(tp.Of(k)) && skipped < 4) { k--; skipped++; }
        if (k >= 0 && tp.Tokens[k].Sentence == sentence)
        {
            if (mentions.EndingAt(k + 1) is { } direct) return (direct, false);
            if (tp.IsPunct(k, ','))
            {
                // "The chief inspector of prisons, Imogen Farrow, said": the name set off by commas.
                for (var j = k - 1; j >= 0 && j >= k - 30 && tp.Tokens[j].Sentence == sentence && tp.Tokens[j].Kind != TokenKind.Quote; j--)
                {
                    if (!tp.IsPunct(j, ',')) continue;
                    if (AfterTitles(tp, mentions, j + 1) is { } named && named.TokEnd == k && named.Kind is MentionKind.Speaker or MentionKind.Person && named.Gender != Gender.They)
                        return (named, false);
                    break;
                }
                // "Roger Stone, leader of the council, said", "Joan Tilley, 78, who …, said": the name before the appositives.
                for (var j = k - 1; j >= 0 && j >= k - 30 && tp.Tokens[j].Sentence == sentence; j--)
                {
                    if (!tp.IsPunct(j, ',')) continue;
                    if (mentions.EndingAt(j) is { } appositive && appositive.Kind != MentionKind.Pronoun) return (appositive, false);
                }
            }
            // "She accepted the figures but said …": the subject of the clause the cue is joined to, the sentence's first mention.
            if (tp.Tokens[k].IsWord && tp.Of(k).ToLowerInvariant() is "and" or "but"
                && mentions.FirstFrom(tp.SentenceTokens(sentence).From) is { Role: Role.Subject } clause
                && clause.TokEnd <= k && clause.TokEnd - 1 >= k - 30 && NoQuoteBetween(tp, clause.TokEnd, k)
                && (tp.StartsSentence(clause.TokStart) || MentionFinder.RoleOf(tp, clause.TokStart, clause.TokEnd) == Role.Subject))
                return (clause, false);
        }
        // Inverted: "“…,” said Dr Lee" or "…, said a spokesman".
        var before = c - 1;
        while (before >= 0 && tp.Tokens[before].Sentence == sentence && tp.Tokens[before].IsWord && Lexicon.Adverbs.Contains(tp.Of(before))) before--;
        var opensInverted = before >= 0 && tp.Tokens[before].Sentence == sentence && (tp.Tokens[before].Kind == TokenKind.Quote || tp.IsPunct(before, ','));
        if (opensInverted)
        {
            var a = c + 1;
            while (a < tp.Tokens.Length && tp.Tokens[a].IsWord && Lexicon.Adverbs.Contains(tp.Of(a))) a++;
            if (AfterTitles(tp, mentions, a) is { } after && after.Kind != MentionKind.Pronoun) return (after, true);
        }
        return (null, false);
    }

    /// <summary>A cue before the quotation ties to it when only a few words stand between, none of them marking the quoted words as a claim or a label.</summary>
    private static CueLink? Before(TokenizedParagraph tp, Mentions mentions, int c, Mention? subject, bool inverted, int quoteToken)
    {
        var cue = tp.Of(c);
        var from = inverted && subject is not null ? subject.TokEnd : c + 1;
        var words = 0;
        for (var k = from; k < quoteToken; k++)
        {
            var t = tp.Tokens[k];
            if (t.Kind == TokenKind.Punct && tp.Text[t.Start] is ';') return null;
            if (!t.IsWord) continue;
            words++;
            var w = tp.Of(k);
            if (Lexicon.Blockers.Contains(w)) return null;
            if (w.Equals("as", StringComparison.OrdinalIgnoreCase) && k + 1 < quoteToken && tp.Of(k + 1).ToLowerInvariant() is "saying" or "telling" or "stating" or "writing" or "adding" or "having")
            {
                var quotedAs = mentions.EndingAt(k) ?? subject;
                if (quotedAs is null || (quotedAs == subject && Lexicon.QuotingVerbs.Contains(cue) && !IsPassive(tp, c))) return null;
                return new CueLink("quoted-as", "as " + tp.Of(k + 1), quotedAs, quoteToken - c);
            }
            // A nearer cue with a source of its own decides instead ("she said Mr Y told her “…”").
            if (k > c && Lexicon.Cues.Contains(w) && SubjectOf(tp, mentions, k).Subject is not null) return null;
        }
        if (Lexicon.QuotingVerbs.Contains(cue)) return null;
        if (IsLabel(tp, quoteToken)) return null;
        var colon = LastPunctBefore(tp, quoteToken) == ':';
        if (words > (colon ? MaxGapToColon : MaxGap)) return null;
        subject ??= Participle(tp, mentions, c);
        return subject is null ? null : new CueLink("cue", cue, subject, quoteToken - c);
    }

    private static bool NoQuoteBetween(TokenizedParagraph tp, int from, int to)
    {
        for (var k = from; k < to; k++) if (tp.Tokens[k].Kind == TokenKind.Quote) return false;
        return true;
    }

    /// <summary>"the club’s much-discussed “project”": a quoted word after a possessive is a label, not words spoken.</summary>
    private static bool IsLabel(TokenizedParagraph tp, int quoteToken)
    {
        for (var k = quoteToken - 1; k >= 0 && k >= quoteToken - 2 && tp.Tokens[k].IsWord; k--)
            if (Lexicon.EndsWithApostropheS(tp.Of(k))) return true;
        return false;
    }

    private static bool IsPassive(TokenizedParagraph tp, int c) =>
        tp.Of(c - 1).ToLowerInvariant() is "was" or "were" or "is" or "been" or "being";

    /// <summary>"…, adding: “…”": a participle's source is the subject of the cue before it in the sentence.</summary>
    private static Mention? Participle(TokenizedParagraph tp, Mentions mentions, int c)
    {
        if (!tp.Of(c).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return null;
        for (var k = c - 1; k >= 0 && k >= c - WindowBefore && tp.Tokens[k].Sentence == tp.Tokens[c].Sentence; k--)
            if (tp.Tokens[k].IsWord && Lexicon.Cues.Contains(tp.Of(k)) && SubjectOf(tp, mentions, k).Subject is { } s) return s;
        return null;
    }

    /// <summary>A cue after the quotation ties to it when only a comma or a dash stands between: "“…,” she said", "“…”, the review found".</summary>
    private static bool After(TokenizedParagraph tp, int quoteToken, int c, Mention subject, bool inverted)
    {
        var first = inverted ? c : Math.Min(c, subject.TokStart);
        var between = 0;
        for (var k = quoteToken + 1; k < first; k++)
        {
            if (tp.Tokens[k].IsWord && k >= first - 6 && !Lexicon.Cues.Contains(tp.Of(k)) && !Lexicon.Subordinators.Contains(tp.Of(k))
                && !Lexicon.Coordinators.Contains(tp.Of(k)) && !Lexicon.Determiners.Contains(tp.Of(k))) continue; // "board President Linda Alvarez said"
            if (tp.IsPunct(k, '.') && k > quoteToken + 1 && k >= first - 6) continue; // "Dr. Rachel Kim"
            if (tp.Tokens[k].Kind != TokenKind.Punct || tp.Text[tp.Tokens[k].Start] is not (',' or '—' or '–' or '-')) return false;
            between++;
        }
        if (between > 2) return false;
        // Adverbs between the subject and the cue are allowed ("she later said").
        for (var k = subject.TokEnd; !inverted && k < c; k++)
            if (!tp.Tokens[k].IsWord || !Lexicon.Adverbs.Contains(tp.Of(k))) return false;
        return true;
    }

    /// <summary>"Maggie Blyth: “…”" (a caption or a transcript's speaker line): a mention, a colon, the quotation.</summary>
    private static CueLink? Caption(TokenizedParagraph tp, Mentions mentions, int quoteToken)
    {
        if (quoteToken < 2 || !tp.IsPunct(quoteToken - 1, ':')) return null;
        var end = quoteToken - 1;
        while (end > 0 && tp.Tokens[end - 1].IsWord && Lexicon.PostNominals.Contains(tp.Of(end - 1))) end--;
        var m = mentions.EndingAt(end);
        if (m is null || m.Kind == MentionKind.Pronoun) return null;
        var start = m.TokStart;
        while (start > 0 && tp.Tokens[start - 1].IsWord && Lexicon.IsTitleWord(tp.Of(start - 1)) && !tp.StartsSentence(start)) start--;
        if (!tp.StartsSentence(start)) return null;
        return new CueLink("caption", ":", m, 1);
    }

    private static char LastPunctBefore(TokenizedParagraph tp, int quoteToken) =>
        quoteToken > 0 && tp.Tokens[quoteToken - 1].Kind == TokenKind.Punct ? tp.Text[tp.Tokens[quoteToken - 1].Start] : ' ';

}
