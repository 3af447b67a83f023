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
    public const int MaxGap = 12, MaxGapToColon = 25;

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
                if (StartingAt(mentions, c + 2) is { } m) links.Add(new CueLink("according-to", "according to", m, Math.Abs(quoteToken - c)));
                continue;
            }
            if (!Lexicon.Cues.Contains(word) && !Lexicon.QuotingVerbs.Contains(word)) continue;
            var (subject, inverted) = SubjectOf(tp, mentions, c);
            if (c < quoteToken && Before(tp, mentions, c, subject, inverted, quoteToken) is { } pre) links.Add(pre);
            else if (c > quoteToken && subject is not null && !Lexicon.QuotingVerbs.Contains(word) && After(tp, quoteToken, c, subject, inverted)) 
                links.Add(new CueLink("cue", word, subject, c - quoteToken));
        }
        return links;
    }

    /// <summary>The source of the cue at <paramref name="c"/>: the mention just before it (adverbs and an appositive between commas skipped), or just after it when it is inverted ("said Dr Lee").</summary>
    public static (Mention? Subject, bool Inverted) SubjectOf(TokenizedParagraph tp, Mentions mentions, int c)
    {
        var sentence = tp.Tokens[c].Sentence;
        var k = c - 1;
        var skipped = 0;
        while (k >= 0 && tp.Tokens[k].Sentence == sentence && tp.Tokens[k].IsWord && Lexicon.Adverbs.Contains(tp.Of(k)) && skipped < 4) { k--; skipped++; }
        if (k >= 0 && tp.Tokens[k].Sentence == sentence)
        {
            if (EndingAt(mentions, k + 1) is { } direct) return (direct, false);
            if (tp.IsPunct(k, ','))
            {
                // "Roger Stone, leader of the council, said": the name before the appositive.
                for (var j = k - 1; j >= 0 && j >= k - 20 && tp.Tokens[j].Sentence == sentence && tp.Tokens[j].Kind != TokenKind.Quote; j--)
                    if (tp.IsPunct(j, ','))
                    {
                        if (EndingAt(mentions, j) is { } appositive && appositive.Kind != MentionKind.Pronoun) return (appositive, false);
                        break;
                    }
            }
        }
        // Inverted: "“…,” said Dr Lee" or "…, said a spokesman".
        var before = c - 1;
        while (before >= 0 && tp.Tokens[before].Sentence == sentence && tp.Tokens[before].IsWord && Lexicon.Adverbs.Contains(tp.Of(before))) before--;
        var opensInverted = before >= 0 && tp.Tokens[before].Sentence == sentence && (tp.Tokens[before].Kind == TokenKind.Quote || tp.IsPunct(before, ','));
        if (opensInverted)
        {
            var a = c + 1;
            while (a < tp.Tokens.Length && tp.Tokens[a].IsWord && Lexicon.Adverbs.Contains(tp.Of(a))) a++;
            if (StartingAt(mentions, a) is { } after && after.Kind != MentionKind.Pronoun) return (after, true);
        }
        return (null, false);
    }

    /// <summary>A cue before the quotation ties to it when only a few words stand between, none of them marking the quoted words as a claim or a label.</summary>
    private static CueLink? Before(TokenizedParagraph tp, Mentions mentions, int c, Mention? subject, bool inverted, int quoteToken)
    {
        var cue = tp.Of(c);
        var from = inverted && subject is not null ? subject.TokEnd : c + 1;
        var words = 0;
        Mention? quotedAs = null;
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
                quotedAs = EndingAt(mentions, k) ?? subject;
                if (quotedAs is null || (quotedAs == subject && Lexicon.QuotingVerbs.Contains(cue) && !IsPassive(tp, c))) return null;
                return new CueLink("quoted-as", "as " + tp.Of(k + 1), quotedAs, quoteToken - c);
            }
            // A nearer cue with a source of its own decides instead ("she said Mr Y told her “…”").
            if (k > c && Lexicon.Cues.Contains(w) && SubjectOf(tp, mentions, k).Subject is not null) return null;
        }
        if (Lexicon.QuotingVerbs.Contains(cue)) return null;
        var colon = LastPunctBefore(tp, quoteToken) == ':';
        if (words > (colon ? MaxGapToColon : MaxGap)) return null;
        subject ??= Participle(tp, mentions, c);
        return subject is null ? null : new CueLink("cue", cue, subject, quoteToken - c);
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
        var m = EndingAt(mentions, quoteToken - 1);
        if (m is null || m.Kind == MentionKind.Pronoun || !tp.StartsSentence(m.TokStart)) return null;
        return new CueLink("caption", ":", m, 1);
    }

    private static char LastPunctBefore(TokenizedParagraph tp, int quoteToken) =>
        quoteToken > 0 && tp.Tokens[quoteToken - 1].Kind == TokenKind.Punct ? tp.Text[tp.Tokens[quoteToken - 1].Start] : ' ';

    public static Mention? EndingAt(Mentions mentions, int tokEnd) => mentions.EndingAt(tokEnd);

    public static Mention? StartingAt(Mentions mentions, int tokStart) => mentions.StartingAt(tokStart);
}
