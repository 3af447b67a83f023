using System.Collections.Immutable;
using CaseRecord.Analysis.Attribution;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>
/// Decides who said each quotation, on evidence only (the content format's v2 Attribution): an
/// override; a speech cue tied to the quotation whose source is a speaker, a pronoun that stands
/// for one, or a description of an unnamed source; for a paragraph that is only a quotation, the
/// source of the paragraph before when nobody else is introduced in between. Everything else is
/// left unattributed with a warning that says why and how to settle it. Every decision keeps its
/// evidence.
/// </summary>
public sealed class Attributor(NameMatcher speakers, NameMatcher organisations, SpeakerDirectory directory)
{
    private sealed record Outcome(string? Slug, AttributionBasis Basis, AttributionEvidence Evidence, string? Entity = null);

    public ImmutableArray<Quotation> Attribute(
        ArticleDoc doc,
        SourceText source,
        ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<FoundQuotation> found,
        DiagnosticList diagnostics,
        List<PersonMention>? people = null)
    {
        var quotedIn = new Dictionary<int, List<(QuoteSegment, int)>>();
        for (var i = 0; i < found.Length; i++)
            foreach (var s in found[i].Segments)
            {
                if (!quotedIn.TryGetValue(s.Paragraph, out var list)) quotedIn[s.Paragraph] = list = [];
                list.Add((s, i));
            }
        var read = paragraphs.Where(p => !p.Omitted)
            .Select(p => new TokenizedParagraph(p, quotedIn.GetValueOrDefault(p.Number) ?? []))
            .ToList();

        foreach (var o in doc.Quotes)
            if (o.Speaker is { } sp && !directory.Has(sp.Value))
                diagnostics.Error(sp.At, KeySuggester.UnknownSlug("speaker", sp.Value, $"input/speakers/{sp.Value}.md", directory.Slugs, "use a known slug (or 'none')"));

        // Names first, across the article: who is present decides what a bare surname means.
        var listed = doc.Speakers.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var hits = new Dictionary<int, List<(int, int, string?)>>();
        string? lastNamed = null;
        foreach (var tp in read)
        {
            var here = new List<(int, int, string?)>();
            foreach (var hit in speakers.Find(tp.Text))
            {
                if (IsQuoted(tp, hit.Start)) continue;
                var slug = hit.IsAmbiguous ? Settle(hit, listed, lastNamed) : hit.Slug;
                if (slug is null)
                    diagnostics.Warning(source.PositionOf(tp.Paragraph.Start + hit.Start),
                        $"'{tp.Text[hit.Start..hit.End]}' in {tp.Paragraph.Anchor} could be {string.Join(" or ", hit.Slugs)}; list the right one under 'speakers:' or give each an alias", "name that could be more than one speaker");
                else lastNamed = slug;
                here.Add((hit.Start, hit.End, slug));
            }
            hits[tp.Paragraph.Number] = here;
        }
        var present = listed.Concat(hits.Values.SelectMany(h => h).Select(h => h.Item3).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var articlePeople = directory.For(present, read.Select(r => r.Text));

        var byNumber = paragraphs.ToDictionary(p => p.Number);
        var overrides = doc.Quotes.Select(o => (Override: o, Key: NameMatcher.FoldQuotes(o.Match.Value), Uses: new List<int>())).ToList();
        var result = new Outcome?[found.Length];
        var antecedents = new Antecedents();
        var resolved = new Dictionary<Mention, Antecedent>(ReferenceEqualityComparer.Instance);
        Outcome? carry = null;

        foreach (var tp in read)
        {
            var p = tp.Paragraph;
            var orgHits = organisations.Find(tp.Text).Where(h => !IsQuoted(tp, h.Start)).Select(h => (h.Start, h.End, h.Slug));
            var (mentions, cueOf) = WithCueSubjects(tp, new Mentions(MentionFinder.Find(tp, hits[p.Number], orgHits, directory.Bodies, articlePeople)));
            if (people is not null) people.AddRange(PeopleIn(tp, mentions));
            foreach (var m in mentions)
            {
                if (m.Kind == MentionKind.Pronoun)
                {
                    var a = antecedents.Resolve(m.Text);
                    resolved[m] = a;
                    antecedents.Read(m, a.Rivals.Count == 0 ? a.Mention : null);
                }
                else antecedents.Read(m);
            }

            var quoteOnly = IsQuoteOnly(tp);
            Outcome? previousInParagraph = null;
            var previousSentence = -1;
            for (var t = 0; t < tp.Tokens.Length; t++)
            {
                var tok = tp.Tokens[t];
                if (tok.Kind != TokenKind.Quote) continue;
                var index = tok.Quote;
                var q = found[index];
                if (q.Segments[0].Paragraph != p.Number || result[index] is not null)
                {
                    if (result[index] is { } earlier) { previousInParagraph = earlier; previousSentence = tok.Sentence; }
                    continue;
                }
                var outcome = Override(q, index, byNumber, overrides)
                    ?? FromCue(tp, mentions, t, resolved)
                    ?? SplitQuotation(tp, t, previousInParagraph, previousSentence)
                    ?? (quoteOnly ? carry : null)
                    ?? new Outcome(null, AttributionBasis.Unattributed, new AttributionEvidence("unattributed",
                        Reason: "no speech cue in its sentence names a source"));
                result[index] = outcome;
                previousInParagraph = outcome;
                previousSentence = tok.Sentence;
            }
            carry = Carry(tp, mentions, cueOf, result, resolved, carry);
        }

        var quotations = ImmutableArray.CreateBuilder<Quotation>(found.Length);
        for (var i = 0; i < found.Length; i++)
        {
            var q = found[i];
            var outcome = result[i] ?? new Outcome(null, AttributionBasis.Unattributed, new AttributionEvidence("unattributed", Reason: "not read"));
            var parts = q.Segments.Select(s => QuotationFinder.Inner(byNumber[s.Paragraph].Text, s)).ToImmutableArray();
            quotations.Add(new Quotation($"q{i + 1}", q.Segments, parts, q.IsPartial, q.IsClosed, outcome.Slug, outcome.Basis, outcome.Evidence));
            var first = byNumber[q.Segments[0].Paragraph];
            var at = source.PositionOf(first.Start + q.Segments[0].Start);
            if (outcome.Basis == AttributionBasis.Unattributed)
                diagnostics.Warning(at, $"quotation in {first.Anchor} of {doc.Path} cannot be attributed (\"{Snippet(parts[0].ToString())}\"): "
                    + (outcome.Evidence.Reason ?? "no evidence")
                    + "; name the speaker in its sentence or add an override under 'quotes:'"
                    + (outcome.Evidence.CandidateSlugs.Length > 0 ? $" (candidates: {string.Join(", ", outcome.Evidence.CandidateSlugs)})" : ""),
                    "quotation that cannot be attributed");
            if (!q.IsClosed)
                diagnostics.Warning(at, $"quotation opened in {first.Anchor} of {doc.Path} is never closed; it is taken to end at the end of p{q.Segments[^1].Paragraph}", "quotation never closed");
        }

        foreach (var (o, _, uses) in overrides)
        {
            if (uses.Count == 0)
                diagnostics.Error(o.Match.At, $"override match '{o.Match.Value}' is not inside any quotation of {source.Path}");
            else if (uses.Count > 1)
                diagnostics.Error(o.Match.At, $"override match '{o.Match.Value}' is inside {uses.Count} quotations ({string.Join(", ", uses.Select(u => $"p{found[u].Segments[0].Paragraph}"))}); use words from only one");
        }
        return quotations.ToImmutable();
    }

    /// <summary>The mentions of a paragraph that name a speaker of the record, as spans of its text.</summary>
    public static IEnumerable<PersonMention> PeopleIn(TokenizedParagraph tp, IEnumerable<Mention> mentions) =>
        mentions.Where(m => m.Kind == MentionKind.Speaker && m.Slug is not null && m.TokEnd > m.TokStart)
            .Select(m => new PersonMention(m.Slug!, tp.Paragraph.Number, tp.Tokens[m.TokStart].Start, tp.Tokens[m.TokEnd - 1].End));

    /// <summary>
    /// The source of a speech cue is a subject wherever it stands ("During the trial one young
    /// woman … said"), and so is the one a statement is "according to"; each is kept with its cue.
    /// </summary>
    private static (Mentions Mentions, Dictionary<Mention, int> CueOf) WithCueSubjects(TokenizedParagraph tp, Mentions found)
    {
        var cueTokens = new Dictionary<Mention, int>(ReferenceEqualityComparer.Instance);
        for (var t = 0; t < tp.Tokens.Length; t++)
        {
            if (tp.Tokens[t].IsWord && Lexicon.Cues.Contains(tp.Of(t)) && CueLinker.SubjectOf(tp, found, t).Subject is { } s)
                cueTokens.TryAdd(s, t);
            if (tp.IsWord(t, "according") && tp.IsWord(t + 1, "to") && found.StartingAt(t + 2) is { Kind: not MentionKind.Pronoun } according)
                cueTokens.TryAdd(according, t);
        }
        var cueOf = new Dictionary<Mention, int>(ReferenceEqualityComparer.Instance);
        var mentions = new Mentions(found.Select(m =>
        {
            if (!cueTokens.TryGetValue(m, out var cue)) return m;
            var subject = m.Role == Role.Subject ? m : m with { Role = Role.Subject };
            cueOf[subject] = cue;
            return subject;
        }));
        return (mentions, cueOf);
    }

    /// <summary>An override whose words are inside the quotation, in any of its paragraphs.</summary>
    private static Outcome? Override(FoundQuotation q, int index, Dictionary<int, Paragraph> byNumber, List<(QuoteOverride Override, string Key, List<int> Uses)> overrides)
    {
        if (overrides.Count == 0) return null;
        var folded = NameMatcher.FoldQuotes(string.Join("\n\n", q.Segments.Select(s => QuotationFinder.Inner(byNumber[s.Paragraph].Text, s).ToString())));
        Outcome? chosen = null;
        foreach (var (o, key, uses) in overrides)
        {
            if (key.Length == 0 || !folded.Contains(key, StringComparison.Ordinal)) continue;
            uses.Add(index);
            chosen ??= o.Unnamed is { } unnamed
                ? new Outcome(null, AttributionBasis.Unnamed, new AttributionEvidence("override-unnamed", Source: unnamed.Value))
                : o.Speaker is null
                    ? new Outcome(null, AttributionBasis.NotSpeech, new AttributionEvidence("not-speech"))
                    : new Outcome(o.Speaker.Value, AttributionBasis.Override, new AttributionEvidence("override", Source: o.Speaker.Value));
        }
        return chosen;
    }

    /// <summary>The nearest cue tied to the quotation; when a cue before it and one after it name different sources, the editor decides.</summary>
    private Outcome? FromCue(TokenizedParagraph tp, Mentions mentions, int quoteToken, Dictionary<Mention, Antecedent> resolved)
    {
        var links = CueLinker.Links(tp, mentions, quoteToken);
        if (links.Count == 0) return null;
        var outcomes = links.OrderBy(l => l.Distance).Select(l => Resolve(l, resolved)).ToList();
        var best = outcomes[0];
        var rival = outcomes.Skip(1).FirstOrDefault(o => o.Entity != best.Entity && o.Entity is not null && best.Entity is not null);
        if (rival is not null && links.Count > 1)
        {
            var candidates = new[] { best, rival }.Select(o => o.Slug ?? o.Evidence.Source ?? "?").Distinct().ToImmutableArray();
            return new Outcome(null, AttributionBasis.Unattributed, new AttributionEvidence("unattributed", Cue: links[0].Cue,
                Candidates: candidates, Reason: $"two cues in its sentence name different sources ({string.Join(" and ", candidates)})"));
        }
        return best;
    }

    private Outcome Resolve(CueLink link, Dictionary<Mention, Antecedent> resolved)
    {
        var m = link.Source;
        switch (m.Kind)
        {
            case MentionKind.Speaker:
                return new Outcome(m.Slug, AttributionBasis.Named, new AttributionEvidence(link.Rule, link.Cue, m.Text), Entity: m.Entity);
            case MentionKind.Description:
                return new Outcome(null, AttributionBasis.Unnamed, new AttributionEvidence("unnamed", link.Cue, LowerFirst(m.Text)), Entity: m.Entity);
            case MentionKind.Pronoun:
                var a = resolved.GetValueOrDefault(m);
                if (a?.Mention is null)
                    return Unattributed(link, m.Text, [], $"'{m.Text}' has no earlier subject that agrees with it");
                if (a.Rivals.Count > 0)
                {
                    var names = a.Rivals.Prepend(a.Mention).Select(r => r.Slug ?? r.Text).Distinct().ToImmutableArray();
                    return Unattributed(link, m.Text, names, $"'{m.Text}' could mean {string.Join(" or ", names)}");
                }
                if (a.Mention.Kind == MentionKind.Speaker)
                    return new Outcome(a.Mention.Slug, AttributionBasis.Pronoun,
                        new AttributionEvidence("pronoun", link.Cue, m.Text, a.Mention.Text, a.Mention.Paragraph), Entity: a.Mention.Entity);
                var hint = a.Mention.Kind == MentionKind.Description
                    ? $"add an override with 'unnamed: \"{LowerFirst(a.Mention.Text)}\"'"
                    : "add a speaker file for them, or an override";
                var who = a.Mention.Kind == MentionKind.Description ? LowerFirst(a.Mention.Text) : a.Mention.Text;
                return Unattributed(link, m.Text, [who], $"'{m.Text}' stands for {who} (p{a.Mention.Paragraph}), who is not a listed speaker: {hint}", a.Mention.Entity);
            default:
                return Unattributed(link, m.Text, [m.Text], $"its source '{m.Text}' is not a listed speaker: add a speaker file (with this name or an alias), or an override", m.Entity);
        }
    }

    private static Outcome Unattributed(CueLink link, string source, ImmutableArray<string> candidates, string reason, string? entity = null) =>
        new(null, AttributionBasis.Unattributed, new AttributionEvidence("unattributed", link.Cue, source, Candidates: candidates, Reason: reason), Entity: entity);

    /// <summary>"“…,” she said. “…”": a sentence that is only a quotation continues the one before it in the paragraph.</summary>
    private static Outcome? SplitQuotation(TokenizedParagraph tp, int quoteToken, Outcome? previous, int previousSentence)
    {
        if (previous is null || previous.Basis is AttributionBasis.NotSpeech || previousSentence < 0) return null;
        var sentence = tp.Tokens[quoteToken].Sentence;
        if (sentence != previousSentence + 1 && sentence != previousSentence) return null;
        var (from, to) = tp.SentenceTokens(sentence);
        for (var t = from; t < to; t++)
            if (tp.Tokens[t].IsWord) return null;
        return Continue(previous, tp.Paragraph.Number);
    }

    private static Outcome Continue(Outcome origin, int paragraph)
    {
        var e = new AttributionEvidence("continuation", origin.Evidence.Cue, origin.Evidence.Source, origin.Evidence.Antecedent, paragraph,
            origin.Evidence.Candidates, origin.Evidence.Reason);
        return origin.Basis switch
        {
            AttributionBasis.Unattributed => origin with { Evidence = e },
            AttributionBasis.Unnamed => origin with { Evidence = e },
            _ => origin with { Basis = AttributionBasis.PreviousParagraph, Evidence = e },
        };
    }

    /// <summary>
    /// What a following quote-only paragraph continues: the source of this paragraph's last
    /// quotation, or of a speech cue after it ("He added:"), unless somebody else is introduced
    /// after it as a subject; a paragraph that names nobody passes on what came before.
    /// </summary>
    private Outcome? Carry(TokenizedParagraph tp, Mentions mentions, Dictionary<Mention, int> cueOf, Outcome?[] result,
        Dictionary<Mention, Antecedent> resolved, Outcome? before)
    {
        var lastQuote = -1;
        for (var t = 0; t < tp.Tokens.Length; t++) if (tp.Tokens[t].Kind == TokenKind.Quote) lastQuote = t;
        Outcome? carried;
        if (lastQuote < 0) carried = before;
        else
        {
            var last = result[tp.Tokens[lastQuote].Quote];
            carried = last is null || last.Basis == AttributionBasis.NotSpeech ? null : last;
        }
        foreach (var m in mentions)
        {
            if (m.TokStart <= lastQuote || m.Role != Role.Subject || m.Kind == MentionKind.Body) continue;
            if (cueOf.TryGetValue(m, out var cue))
            {
                carried = Resolve(new CueLink("cue", tp.Of(cue), m, 0), resolved);
                continue;
            }
            var entity = m.Kind == MentionKind.Pronoun ? resolved.GetValueOrDefault(m)?.Mention?.Entity : m.Entity;
            if (entity is null || entity != carried?.Entity) carried = null;
        }
        return carried is null ? null : Continue(carried, tp.Paragraph.Number);
    }

    private static bool IsQuoteOnly(TokenizedParagraph tp)
    {
        foreach (var t in tp.Tokens) if (t.IsWord) return false;
        return true;
    }

    private static bool IsQuoted(TokenizedParagraph tp, int offset)
    {
        var k = tp.TokenAt(offset);
        if (k < tp.Tokens.Length && tp.Tokens[k].Start == offset) return tp.Tokens[k].Kind == TokenKind.Quote;
        return k > 0 && tp.Tokens[k - 1].Kind == TokenKind.Quote && tp.Tokens[k - 1].End > offset;
    }

    /// <summary>A name form shared by several speakers means the one the article lists, or the one just named.</summary>
    private static string? Settle(NameHit hit, IReadOnlySet<string> listed, string? lastNamed)
    {
        var inArticle = hit.Slugs.Where(listed.Contains).ToList();
        if (inArticle.Count == 1) return inArticle[0];
        if (lastNamed is not null && hit.Slugs.Contains(lastNamed)) return lastNamed;
        return null;
    }

    /// <summary>"A council spokesman said" describes "a council spokesman": a capital that only starts the sentence is dropped.</summary>
    private static string LowerFirst(string s)
    {
        var first = s.Split(' ')[0];
        var sentenceCapital = first.Length > 0 && char.IsUpper(first[0]) && (first.Length == 1 || char.IsLower(first[1]));
        return sentenceCapital && (Lexicon.Determiners.Contains(first) || Lexicon.PersonNouns.ContainsKey(first)) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
    }

    private static string Snippet(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
