namespace CaseRecord.Analysis.Attribution;

/// <summary>What a pronoun stands for: the mention, and other people it might as well mean.</summary>
public sealed record Antecedent(Mention? Mention, IReadOnlyList<Mention> Rivals);

/// <summary>
/// Resolves she, he and they to the most recent subject that agrees in gender, walking back over
/// the mentions read so far. A person who agrees and is joined to that subject ("Alvarez and
/// Harper") or was told something after it ("Ms Thornton told Joanna Simons") is a rival: the text
/// does not settle who is meant, so the editor decides.
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
                // "Alvarez and Harper spoke …": either may be meant.
                for (var j = i - 1; j >= 0 && _read[j + 1].Mention.Joined; j--)
                    if (_read[j].Means.Agrees(pronoun) && IsRival(_read[j].Means, pronoun)) rivals.Add(_read[j].Means);
                rivals.RemoveAll(r => r.Entity == means.Entity);
                return new Antecedent(means, rivals);
            }
            if (m.Listener && IsRival(means, pronoun) && !rivals.Exists(r => r.Entity == means.Entity))
                rivals.Add(means);
        }
        return new Antecedent(null, rivals);
    }

    /// <summary>A rival is a person the pronoun may as well mean: a speaker, or someone named whose gender is known to agree.</summary>
    private static bool IsRival(Mention m, string pronoun) =>
        m.Kind == MentionKind.Speaker || (m.Kind == MentionKind.Person && m.Gender != Gender.Unknown && m.Agrees(pronoun));
}
