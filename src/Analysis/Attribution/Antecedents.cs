namespace CaseRecord.Analysis.Attribution;

/// <summary>What a pronoun stands for: the mention, and other people it might as well mean.</summary>
public sealed record Antecedent(Mention? Mention, IReadOnlyList<Mention> Rivals);

/// <summary>
/// Resolves she, he and they to the most recent subject that agrees in gender, walking back over
/// the mentions read so far. A named person who agrees and stands between as an object or in a
/// subordinate clause is a rival: the text does not settle who is meant, so the editor decides.
/// </summary>
public sealed class Antecedents
{
    private readonly List<(Mention Mention, Mention Means)> _read = [];

    /// <summary>Adds a mention in reading order; a pronoun is added as what it was resolved to.</summary>
    public void Read(Mention mention, Mention? means = null) => _read.Add((mention, means ?? mention));

    /// <summary>How many mentions back an antecedent may be: further back is no evidence, and the bound keeps hostile texts linear.</summary>
    public const int Reach = 60;

    public Antecedent Resolve(string pronoun)
    {
        var rivals = new List<Mention>();
        for (var i = _read.Count - 1; i >= 0 && i >= _read.Count - Reach; i--)
        {
            var (m, means) = _read[i];
            if (means.Kind == MentionKind.Pronoun || !means.Agrees(pronoun)) continue;
            if (m.Role == Role.Subject)
            {
                rivals.RemoveAll(r => r.Entity == means.Entity);
                return new Antecedent(means, rivals);
            }
            if (means.Kind is MentionKind.Speaker or MentionKind.Person && !rivals.Exists(r => r.Entity == means.Entity))
                rivals.Add(means);
        }
        return new Antecedent(null, rivals);
    }
}
