using System.Collections.Immutable;
using CaseRecord.Content;

namespace CaseRecord.Analysis.Attribution;

public enum TokenKind { Word, Punct, Quote }

/// <summary>[Start, End) in a paragraph; a <see cref="TokenKind.Quote"/> token is one quotation's part in the paragraph, <see cref="Quote"/> its index among the article's quotations.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, int Sentence, int Quote = -1)
{
    public bool IsWord => Kind == TokenKind.Word;
}

/// <summary>A paragraph as attribution reads it: words and punctuation outside quotations, each quoted part one token, and the sentence of each.</summary>
public sealed class TokenizedParagraph
{
    public TokenizedParagraph(Paragraph paragraph, IReadOnlyList<(QuoteSegment Segment, int Quote)> quoted)
    {
        Paragraph = paragraph;
        var text = paragraph.Text;
        var sorted = quoted.OrderBy(q => q.Segment.Start).ToList();
        // Segments of a paragraph never overlap, so a binary search answers.
        bool IsQuoted(int k)
        {
            int lo = 0, hi = sorted.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid].Segment.End <= k) lo = mid + 1;
                else if (sorted[mid].Segment.Start > k) hi = mid - 1;
                else return true;
            }
            return false;
        }
        var sentences = SentenceSplitter.Sentences(text, IsQuoted);
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var i = 0;
        var next = 0;
        int SentenceOf(int k) => sentences.Index(k);
        while (i < text.Length)
        {
            if (next < sorted.Count && sorted[next].Segment.Start <= i)
            {
                var (s, q) = sorted[next++];
                tokens.Add(new Token(s.Start, s.End, TokenKind.Quote, SentenceOf(s.Start), q));
                i = Math.Max(i, s.End);
                continue;
            }
            var c = text[i];
            var limit = next < sorted.Count ? sorted[next].Segment.Start : text.Length;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var e = i + 1;
                while (e < limit && (char.IsLetterOrDigit(text[e]) || (text[e] is '\'' or '’' or '-' or '‑' && e + 1 < limit && char.IsLetter(text[e + 1]))))
                    e++;
                tokens.Add(new Token(i, e, TokenKind.Word, SentenceOf(i)));
                i = e;
                continue;
            }
            tokens.Add(new Token(i, i + 1, TokenKind.Punct, SentenceOf(i)));
            i++;
        }
        Tokens = tokens.ToImmutable();
        // Each word's text, made once: the rules ask for it many times.
        _texts = new string[Tokens.Length];
        for (var t = 0; t < Tokens.Length; t++)
            if (Tokens[t].Kind != TokenKind.Quote) _texts[t] = text[Tokens[t].Start..Tokens[t].End];
        var firsts = new Dictionary<int, (int, int)>();
        for (var t = 0; t < Tokens.Length; t++)
            firsts[Tokens[t].Sentence] = firsts.TryGetValue(Tokens[t].Sentence, out var r) ? (r.Item1, t + 1) : (t, t + 1);
        _sentences = firsts;
    }

    private readonly Dictionary<int, (int From, int To)> _sentences;
    private readonly string[] _texts;

    /// <summary>The tokens [From, To) of sentence <paramref name="sentence"/>.</summary>
    public (int From, int To) SentenceTokens(int sentence) => _sentences.GetValueOrDefault(sentence);

    public Paragraph Paragraph { get; }
    public ImmutableArray<Token> Tokens { get; }
    public string Text => Paragraph.Text;

    public string Of(int token) => _texts[token] ?? Text[Tokens[token].Start..Tokens[token].End];
    public string Of(int from, int to) => to <= from ? "" : Text[Tokens[from].Start..Tokens[to - 1].End];

    public bool IsWord(int t, string word) => t >= 0 && t < Tokens.Length && Tokens[t].IsWord && string.Equals(Of(t), word, StringComparison.OrdinalIgnoreCase);
    public bool IsPunct(int t, char c) => t >= 0 && t < Tokens.Length && Tokens[t].Kind == TokenKind.Punct && Text[Tokens[t].Start] == c;
    /// <summary>"Mr Stansfeld’s claims", "the girls’ homes": a word that owns the next.</summary>
    public bool IsPossessive(int t)
    {
        if (Lexicon.EndsWithApostropheS(Of(t))) return true;
        var after = Tokens[t].End;
        return after < Text.Length && Text[after] is '\'' or '’' && (after + 1 >= Text.Length || !char.IsLetter(Text[after + 1]));
    }

    public bool IsCapitalised(int t) => t >= 0 && t < Tokens.Length && Tokens[t].IsWord && char.IsUpper(Text[Tokens[t].Start]);

    /// <summary>The first token of <paramref name="t"/>'s sentence.</summary>
    public bool StartsSentence(int t) => t == 0 || Tokens[t - 1].Sentence != Tokens[t].Sentence;

    /// <summary>The token whose range starts at or after character <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
