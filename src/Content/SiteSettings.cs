using System.Collections.Immutable;

namespace CaseRecord.Content;

/// <summary>statiq.json, with Statiq's names, after command-line overrides.</summary>
public sealed record SiteSettings(
    string SiteTitle,
    string SiteDescription,
    string? Host,
    string LinkRoot,
    bool LinksUseHttps,
    bool LinkHideIndexPages,
    string OutputPath,
    bool ValidateRelativeLinks,
    bool ValidateLinksAsError,
    ImmutableDictionary<string, string> Extra)
{
    /// <summary>Which marks quote: <c>double</c> (the default), <c>single</c> or <c>both</c> (statiq.json's <c>QuoteMarks</c>).</summary>
    public QuoteMarks QuoteMarks { get; init; } = QuoteMarks.Double;

    /// <summary>Whether a build to disk runs Pagefind afterwards (when Node and the package are there); benchmarks and quick local builds may turn it off.</summary>
    public bool SearchIndex { get; init; } = true;

    /// <summary>Past about this many bytes the open data is split into an index and part files (statiq.json's <c>DataFileSplitSize</c>; 8 MiB, well under the 25 MiB a host such as Cloudflare Pages allows a file).</summary>
    public long DataFileSplitSize { get; init; } = 8 << 20;

    /// <summary>How many articles a part file of split open data holds (<c>DataFileArticlesPerPart</c>).</summary>
    public int DataFileArticlesPerPart { get; init; } = 100;

    /// <summary>How many pages one Pagefind index holds before the search is split into several the search page merges (<c>SearchPagesPerIndex</c>).</summary>
    public int SearchPagesPerIndex { get; init; } = 2000;

    /// <summary>Whether the generator writes the search index itself in Pagefind's format, asking Pagefind's program only how it indexes each word (<c>SearchIndexWrittenByGenerator</c>); false has the program read the pages and write it, as before (slower).</summary>
    public bool SearchIndexWrittenByGenerator { get; init; } = true;

    public static SiteSettings Default { get; } =
        new("Case record", "", null, "", true, true, "output", true, true, ImmutableDictionary<string, string>.Empty);
}

/// <summary>
/// The marks that make a quotation: “…” and "…" (<see cref="Double"/>), ‘…’ (<see cref="Single"/>,
/// for papers that quote in single marks), or either (<see cref="Both"/>). The other kind, inside
/// a quotation, is a nested quote that belongs to it.
/// </summary>
public enum QuoteMarks { Double, Single, Both }
