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
    PartialDate? DateValue = null)
{
    /// <summary>
    /// <c>figure:</c> — the case-level figure (input/figures/&lt;id&gt;.md) this item states; its
    /// label, kind, unit, event and <c>of</c> are the figure file's, filled in when the article is
    /// analysed. Null for a figure of the article alone (v1's <c>id</c> and <c>label</c>).
    /// </summary>
    public Located<string>? States { get; init; }

    /// <summary>A statement's <c>value</c> as written: read as a number or a date once its figure's kind is known.</summary>
    public Located<string>? ValueText { get; init; }

    public bool IsStatement => States is not null;
}

/// <summary>
/// A fact of the case that several articles may state (<c>input/figures/&lt;id&gt;.md</c>): what it
/// counts and how its value is read; the articles state it with <c>figure: &lt;id&gt;</c>.
/// </summary>
/// <param name="Value">The value the editors settle on when the statements differ; theirs, and labelled so.</param>
public sealed record CaseFigureDoc(
    string Id,
    string Path,
    string Label,
    FigureKind Kind,
    string? Unit,
    Located<string>? Currency,
    string? Event,
    Located<string>? Of,
    Located<decimal>? Value,
    PartialDate? DateValue,
    string NoteMarkdown,
    ImmutableDictionary<string, object?> Extra);

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

    /// <summary>Why the editors left a paragraph out (<c>omit: [{text: …, reason: …}]</c>), by the paragraph's text.</summary>
    public ImmutableDictionary<string, string> OmitReasons { get; init; } = ImmutableDictionary<string, string>.Empty;

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
    string SettingsFingerprint)
{
    /// <summary>The case-level figures (input/figures/*.md), which articles state with <c>figure:</c>.</summary>
    public ImmutableArray<CaseFigureDoc> Figures { get; init; } = [];
}
