using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Model;

/// <summary>
/// A key figure in the context of the whole record. <see cref="SameValueGroup"/> holds the ids of
/// every figure of the same value and kind, this one included, sorted; the array is shared by the
/// whole group, so a value many figures share (a year) costs one array, not one per figure.
/// </summary>
public sealed record FigureEntry(
    LocatedFigure Figure,
    AnalysedArticle Article,
    FigureEntry? Of,
    decimal? Percent,
    ImmutableArray<string> SameValueGroup)
{
    public string Id => Figure.Id;

    /// <summary>How many other figures have this value.</summary>
    public int SameValueCount => SameValueGroup.Length - 1;

    /// <summary>The other figures of this value, in id order.</summary>
    public IEnumerable<string> SameValueIds => SameValueGroup.Where(id => id != Id);

    /// <summary>This figure's place in its group (0-based, in id order).</summary>
    public int SameValueRank => Math.Max(0, SameValueGroup.BinarySearch(Id, StringComparer.Ordinal));
}

public sealed record QuotationRef(AnalysedArticle Article, Quotation Quotation);

public sealed record MentionRef(AnalysedArticle Article, OrganisationMention Mention);

/// <summary>
/// The record after every article is analysed: the cross-document facts (speaker pages, figure
/// ratios and equal values, the timeline). Built only from finished analyses, never before.
/// </summary>
public sealed record CaseIndex(
    SiteSettings Settings,
    HomeDoc Home,
    ImmutableArray<AnalysedArticle> Articles,
    ImmutableArray<SpeakerDoc> Speakers,
    ImmutableArray<OrganisationDoc> Organisations,
    IReadOnlyDictionary<string, FigureEntry> Figures,
    ImmutableArray<FigureEntry> FiguresInOrder,
    ImmutableDictionary<string, ImmutableArray<QuotationRef>> QuotationsBySpeaker,
    ImmutableDictionary<string, ImmutableArray<MentionRef>> MentionsByOrganisation,
    ImmutableArray<FigureEntry> Timeline)
{
    /// <summary>Figures that are a share of the given one (their <c>of</c> names it).</summary>
    public ILookup<string, FigureEntry> SharesOf { get; } = FiguresInOrder.Where(f => f.Of is not null).ToLookup(f => f.Of!.Id, StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, SpeakerDoc> _speakers = Speakers.ToImmutableDictionary(s => s.Slug);
    private readonly ImmutableDictionary<string, OrganisationDoc> _organisations = Organisations.ToImmutableDictionary(o => o.Slug);

    /// <summary>The ids of each value's figures (as in <see cref="FigureEntry.SameValueGroup"/>), kept so an update can regroup only the values an edit touched.</summary>
    internal IReadOnlyDictionary<(decimal Value, FigureKind Kind), ImmutableArray<string>>? SameValueGroups { get; init; }

    public SpeakerDoc? Speaker(string slug) => _speakers.GetValueOrDefault(slug);
    public OrganisationDoc? Organisation(string slug) => _organisations.GetValueOrDefault(slug);
}
