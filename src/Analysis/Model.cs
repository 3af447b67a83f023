using System.Collections.Immutable;
using CaseRecord.Content;
using CaseRecord.Diagnostics;

namespace CaseRecord.Analysis;

/// <summary>The part of a quotation inside one paragraph: [Start, End) in the paragraph's text, marks included.</summary>
public sealed record QuoteSegment(int Paragraph, int Start, int End)
{
    /// <summary>Whether the first character is the mark that opens (or, in a continued paragraph, re-opens) the quotation.</summary>
    public bool StartsWithMark { get; init; }

    /// <summary>Whether the last character is the mark that closes the quotation.</summary>
    public bool EndsWithMark { get; init; }
}

/// <summary>The kind of evidence that decided a quotation's source; counted in the build summary.</summary>
public enum AttributionBasis { Override, NotSpeech, Named, Pronoun, PreviousParagraph, Unnamed, Unattributed }

/// <summary>
/// Why a quotation has the source it has, in the terms of BBC R&amp;D's Citron: the rule that
/// decided, the speech <see cref="Cue"/> and the words of the text that name the
/// <see cref="Source"/>; for a pronoun the <see cref="Antecedent"/> it stands for; for a
/// continuation the paragraph continued; for an unattributed quotation the
/// <see cref="Candidates"/> considered and why none was taken.
/// </summary>
/// <param name="Rule">A stable name: override, override-unnamed, not-speech, cue, pronoun, caption,
/// according-to, quoted-as, continuation, unnamed, unattributed.</param>
/// <param name="Paragraph">The paragraph of the antecedent or of the quotation continued.</param>
/// <param name="Reason">For an unattributed quotation: why no speaker was taken, and the fix.</param>
public sealed record AttributionEvidence(
    string Rule,
    string? Cue = null,
    string? Source = null,
    string? Antecedent = null,
    int? Paragraph = null,
    ImmutableArray<string> Candidates = default,
    string? Reason = null)
{
    public ImmutableArray<string> CandidateSlugs => Candidates.IsDefault ? [] : Candidates;

    /// <summary>One line for editors: the review report and the data file.</summary>
    public string Describe() => Rule switch
    {
        "override" => "override under 'quotes:'",
        "override-unnamed" => $"override under 'quotes:': unnamed, \"{Source}\"",
        "not-speech" => "override under 'quotes:': not speech",
        // The quotation or cue continued, with the evidence that gave it its source.
        "continuation" => $"continues p{Paragraph}" + (Cue is null ? "" : $" (cue \"{Cue}\", source \"{Source}\"{(Antecedent is null ? "" : " = " + Antecedent)})"),
        "pronoun" => $"cue \"{Cue}\", source \"{Source}\" = {Antecedent} (p{Paragraph})",
        "unnamed" => $"cue \"{Cue}\", unnamed source \"{Source}\"",
        "unattributed" => Reason ?? "no speech cue with a known source",
        _ => $"{(Rule == "cue" ? "" : Rule + ": ")}cue \"{Cue}\", source \"{Source}\"",
    };
}

/// <param name="Parts">What is quoted in each paragraph, marks and outer spaces trimmed: slices of the
/// paragraphs' own strings, so a record of 60,000 quotations does not hold their words twice.</param>
public sealed record Quotation(
    string Id,
    ImmutableArray<QuoteSegment> Segments,
    ImmutableArray<ReadOnlyMemory<char>> Parts,
    bool IsPartial,
    bool IsClosed,
    string? SpeakerSlug,
    AttributionBasis Basis,
    AttributionEvidence Evidence)
{
    /// <summary>The text's description of a source it does not name ("the mother of one victim"), when that is the source.</summary>
    public string? UnnamedSource => Basis == AttributionBasis.Unnamed ? Evidence.Source : null;

    public int FirstParagraph => Segments[0].Paragraph;

    /// <summary>The quoted words of each paragraph, as strings made when asked for.</summary>
    public ImmutableArray<string> ParagraphTexts => [.. Parts.Select(p => p.ToString())];

    public string Text => string.Join("\n\n", ParagraphTexts);

    /// <summary>The length of <see cref="Text"/>, without making it.</summary>
    public int TextLength
    {
        get
        {
            var length = Math.Max(0, Parts.Length - 1) * 2;
            foreach (var part in Parts) length += part.Length;
            return length;
        }
    }
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
    string? SpeakerSlug,
    string? Currency = null,
    PartialDate? Date = null,
    string? Unit = null,
    string? Written = null)
{
    public string Id => Spec.Id;

    /// <summary>
    /// Where the figure falls in time, comparable across kinds: a date is YYYYMMDD (a month or a
    /// year alone has 00 for what it lacks), a year figure is YYYY0000, so a year-only event comes
    /// before the dated events of its year. Other kinds keep their value.
    /// </summary>
    public decimal Chronology => Spec.Kind switch
    {
        FigureKind.Year => Value * 10000m,
        _ => Value,
    };
}

public sealed record OrganisationMention(string OrganisationSlug, int Paragraph, int Start, int End);

/// <summary>Where the text names a speaker of the record outside quotations (name, alias, title and surname, or a bare surname as attribution matches them): [Start, End) in paragraph <see cref="Paragraph"/>'s text.</summary>
public sealed record PersonMention(string SpeakerSlug, int Paragraph, int Start, int End);

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
    /// <summary>Where each speaker of the record is named, in reading order; none where an organisation mention or a figure covers the words.</summary>
    public ImmutableArray<PersonMention> People { get; init; } = [];

    public string Slug => Doc.Slug;
}
