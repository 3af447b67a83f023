using System.Collections.Immutable;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>Paragraph <see cref="Number"/> of a source, with <see cref="Start"/> its offset in the source text.</summary>
public sealed record Paragraph(int Number, int Start, string Text, bool Omitted)
{
    public string Anchor => $"p{Number}";
}

/// <summary>The part of a quotation inside one paragraph: [Start, End) in the paragraph's text, marks included.</summary>
public sealed record QuoteSegment(int Paragraph, int Start, int End);

public enum AttributionBasis { Override, NotSpeech, Named, Pronoun, PreviousParagraph, Unattributed }

/// <param name="Parts">What is quoted in each paragraph, marks and outer spaces trimmed: slices of the
/// paragraphs' own strings, so a record of 60,000 quotations does not hold their words twice.</param>
public sealed record Quotation(
    string Id,
    ImmutableArray<QuoteSegment> Segments,
    ImmutableArray<ReadOnlyMemory<char>> Parts,
    bool IsPartial,
    bool IsClosed,
    string? SpeakerSlug,
    AttributionBasis Basis)
{
    public int FirstParagraph => Segments[0].Paragraph;

    /// <summary>The quoted words of each paragraph, as strings made when asked for.</summary>
    public ImmutableArray<string> ParagraphTexts => [.. Parts.Select(p => p.ToString())];

    public string Text => string.Join("\n\n", ParagraphTexts);
    public bool IsSpeech => Basis != AttributionBasis.NotSpeech;
}

public sealed record LocatedFigure(
    FigureSpec Spec,
    decimal Value,
    int Paragraph,
    int Start,
    int End,
    string Sentence,
    string? QuotationId,
    string? SpeakerSlug)
{
    public string Id => Spec.Id;
}

public sealed record OrganisationMention(string OrganisationSlug, int Paragraph, int Start, int End);

/// <summary>Everything known about one article once it has been read against its source text.</summary>
public sealed record AnalysedArticle(
    ArticleDoc Doc,
    SourceText Source,
    ImmutableArray<Paragraph> Paragraphs,
    ImmutableArray<Quotation> Quotations,
    ImmutableArray<LocatedFigure> Figures,
    ImmutableArray<OrganisationMention> Mentions,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public string Slug => Doc.Slug;
}
