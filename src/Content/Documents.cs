using System.Collections.Immutable;
using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

public enum FigureKind { Count, Year, Date, Percent, Money, Duration }

/// <summary>A key figure as the editor wrote it (items of <c>figures</c>).</summary>
public sealed record FigureSpec(
    string Id,
    SourcePosition At,
    SourcePosition IdAt,
    string Label,
    Located<string> Match,
    Located<int>? Occurrence,
    Located<decimal>? Value,
    FigureKind Kind,
    string? Event,
    Located<string>? Of,
    string? NoteMarkdown,
    Located<string>? Currency = null,
    string? Unit = null,
    PartialDate? DateValue = null);

/// <summary>
/// An attribution override (items of <c>quotes</c>): a speaker slug; or <paramref name="Unnamed"/>,
/// the description of a source the text does not name; both null means "not speech".
/// </summary>
public sealed record QuoteOverride(Located<string> Match, Located<string>? Speaker, Located<string>? Unnamed = null);

public sealed record ArticleDoc(
    string Slug,
    string Path,
    string Title,
    Located<string> Source,
    Located<string>? Sha256,
    string? Publisher,
    PartialDate? Published,
    string? Summary,
    ImmutableArray<Located<string>> Omit,
    ImmutableArray<Located<string>> Speakers,
    ImmutableArray<FigureSpec> Figures,
    ImmutableArray<QuoteOverride> Quotes,
    ImmutableArray<string> Tags,
    string NoteMarkdown,
    ImmutableDictionary<string, object?> Extra)
{
    /// <summary><c>url</c>: the address of the original publication (absolute http or https); null when not given.</summary>
    public string? Url { get; init; }

    /// <summary><c>archived</c>: the address of an archived copy of the original; null when not given.</summary>
    public string? Archived { get; init; }

    /// <summary><c>published_basis</c>: how the editors inferred <c>published</c>; the date is then theirs, and labelled so wherever it is shown.</summary>
    public string? PublishedBasis => Extra.GetValueOrDefault("published_basis") as string;
}

public sealed record SpeakerDoc(
    string Slug,
    string Path,
    string Name,
    string? Role,
    Located<string>? Organisation,
    ImmutableArray<string> Aliases,
    string BioMarkdown,
    ImmutableDictionary<string, object?> Extra)
{
    /// <summary><c>she</c>, <c>he</c> or <c>they</c> as the editor gave it; null when not given (a title may imply one).</summary>
    public string? Pronouns { get; init; }
}

public sealed record OrganisationDoc(
    string Slug,
    string Path,
    string Name,
    ImmutableArray<string> Aliases,
    string BodyMarkdown,
    ImmutableDictionary<string, object?> Extra);

public sealed record HomeDoc(string? Title, string IntroMarkdown);

/// <summary>
/// An article's front matter together with the verbatim source text it points at, and a
/// fingerprint of both so a rebuild can tell whether the article changed.
/// </summary>
public sealed record LoadedArticle(ArticleDoc Doc, SourceText Source, string Fingerprint);

public sealed record LoadedProject(
    SiteSettings Settings,
    HomeDoc Home,
    ImmutableArray<LoadedArticle> Articles,
    ImmutableArray<SpeakerDoc> Speakers,
    ImmutableArray<OrganisationDoc> Organisations,
    ImmutableArray<Diagnostic> Diagnostics,
    string ContextFingerprint,
    string SettingsFingerprint);
