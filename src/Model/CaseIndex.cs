using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Model;

/// <summary>A key figure in the context of the whole record.</summary>
public sealed record FigureEntry(
    LocatedFigure Figure,
    AnalysedArticle Article,
    FigureEntry? Of,
    decimal? Percent,
    ImmutableArray<string> SameValueIds)
{
    public string Id => Figure.Id;
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
    ImmutableDictionary<string, FigureEntry> Figures,
    ImmutableArray<FigureEntry> FiguresInOrder,
    ImmutableDictionary<string, ImmutableArray<QuotationRef>> QuotationsBySpeaker,
    ImmutableDictionary<string, ImmutableArray<MentionRef>> MentionsByOrganisation,
    ImmutableArray<FigureEntry> Timeline)
{
    /// <summary>Figures that are a share of the given one (their <c>of</c> names it).</summary>
    public ILookup<string, FigureEntry> SharesOf { get; } = FiguresInOrder.Where(f => f.Of is not null).ToLookup(f => f.Of!.Id, StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, SpeakerDoc> _speakers = Speakers.ToImmutableDictionary(s => s.Slug);
    private readonly ImmutableDictionary<string, OrganisationDoc> _organisations = Organisations.ToImmutableDictionary(o => o.Slug);

    public SpeakerDoc? Speaker(string slug) => _speakers.GetValueOrDefault(slug);
    public OrganisationDoc? Organisation(string slug) => _organisations.GetValueOrDefault(slug);
}
