namespace CaseRecord.Analysis.Attribution;

/// <summary>What a mention names: a listed speaker, a named person nobody listed, a description of an unnamed source, a body or thing, or a pronoun.</summary>
public enum MentionKind { Speaker, Person, Description, Body, Pronoun }

/// <summary>A mention's place in its clause: the subject of a main clause, of a subordinate one, or an object or topic.</summary>
public enum Role { Subject, Minor, Object }

/// <summary>
/// One mention of a person, body or description outside quotations: tokens [TokStart, TokEnd) of
/// paragraph <see cref="Paragraph"/>, with the words as printed.
/// </summary>
/// <param name="Joined">Joined to the mention before it by "and" ("Alvarez and Harper"): both are the subject.</param>
/// <param name="Listener">The object of "told", "asked" …: a person just as likely meant by a later pronoun.</param>
public sealed record Mention(int Paragraph, int TokStart, int TokEnd, MentionKind Kind, string? Slug, Gender Gender, string Text, Role Role,
    bool Joined = false, bool Listener = false)
{
    /// <summary>Who is meant, for telling mentions of one entity from another.</summary>
    public string Entity => Kind == MentionKind.Speaker ? "speaker:" + Slug : Kind + ":" + Text.ToLowerInvariant();

    public bool IsPerson => Kind is MentionKind.Speaker or MentionKind.Person or MentionKind.Description && Gender != Gender.They;

    /// <summary>Whether <paramref name="pronoun"/> (she, he, they) may stand for this mention.</summary>
    public bool Agrees(string pronoun) => pronoun.ToLowerInvariant() switch
    {
        "she" => Gender == Gender.She || (Gender == Gender.Unknown && IsPerson),
        "he" => Gender == Gender.He || (Gender == Gender.Unknown && IsPerson),
        _ => Gender == Gender.They,
    };
}

/// <summary>A paragraph's mentions in reading order, found by where they start or end in one look-up.</summary>
public sealed class Mentions : IReadOnlyList<Mention>
{
    private readonly List<Mention> _items;
    private readonly Dictionary<int, Mention> _byStart = [];
    private readonly Dictionary<int, Mention> _byEnd = [];

    public Mentions(IEnumerable<Mention> items)
    {
        _items = [.. items];
        foreach (var m in _items)
        {
            _byStart.TryAdd(m.TokStart, m);
            _byEnd.TryAdd(m.TokEnd, m);
        }
    }

    public Mention? StartingAt(int token) => _byStart.GetValueOrDefault(token);

    /// <summary>The first mention that starts at or after <paramref name="token"/>.</summary>
    public Mention? FirstFrom(int token)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].TokStart < token) lo = mid + 1; else hi = mid;
        }
        return lo < _items.Count ? _items[lo] : null;
    }
    public Mention? EndingAt(int token) => _byEnd.GetValueOrDefault(token);
    public Mention this[int index] => _items[index];
    public int Count => _items.Count;
    public IEnumerator<Mention> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
