using System.Globalization;

namespace CaseRecord.Analysis;

/// <summary>
/// Quotations counted by the kind of evidence that decided their source: the build summary's
/// count and the review report's (<c>quotes</c>) are this one count, so they always agree.
/// </summary>
public sealed record QuotationTally(int Cue, int Pronoun, int Continuation, int Override, int Unnamed, int Unattributed, int NotSpeech)
{
    public static QuotationTally Of(IEnumerable<Quotation> quotations)
    {
        int cue = 0, pronoun = 0, continuation = 0, byOverride = 0, unnamed = 0, unattributed = 0, notSpeech = 0;
        foreach (var q in quotations)
            switch (q.Basis)
            {
                case AttributionBasis.Named: cue++; break;
                case AttributionBasis.Pronoun: pronoun++; break;
                case AttributionBasis.PreviousParagraph: continuation++; break;
                case AttributionBasis.Override: byOverride++; break;
                case AttributionBasis.Unnamed: unnamed++; break;
                case AttributionBasis.Unattributed: unattributed++; break;
                case AttributionBasis.NotSpeech: notSpeech++; break;
            }
        return new(cue, pronoun, continuation, byOverride, unnamed, unattributed, notSpeech);
    }

    /// <summary>Quotations given to a speaker of the record (on evidence in the text or by the editors).</summary>
    public int Attributed => Cue + Pronoun + Continuation + Override;

    /// <summary>Quotations that are speech: attributed, unnamed or unattributed.</summary>
    public int Speech => Attributed + Unnamed + Unattributed;

    public int Total => Speech + NotSpeech;

    /// <summary>
    /// <c>95 quotations: 90 attributed (60 cue, 20 pronoun, 10 continuation), 7 unnamed, 6 unattributed</c>,
    /// counting the speech only; with <paramref name="notSpeech"/>, every quotation and <c>, 4 not speech</c> at the end.
    /// </summary>
    public string Describe(bool notSpeech = false)
    {
        var total = notSpeech ? Total : Speech;
        var head = $"{N(total)} quotation{(total == 1 ? "" : "s")}";
        if (total == 0) return head;
        var kinds = new[] { (Cue, "cue"), (Pronoun, "pronoun"), (Continuation, "continuation"), (Override, "override") }
            .Where(k => k.Item1 > 0).Select(k => $"{N(k.Item1)} {k.Item2}").ToList();
        var attributed = kinds.Count == 0 ? $"{N(Attributed)} attributed" : $"{N(Attributed)} attributed ({string.Join(", ", kinds)})";
        var line = $"{head}: {attributed}, {N(Unnamed)} unnamed, {N(Unattributed)} unattributed";
        return notSpeech ? $"{line}, {N(NotSpeech)} not speech" : line;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
