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
    /// <summary>Whether a build to disk runs Pagefind afterwards (when Node and the package are there); benchmarks and quick local builds may turn it off.</summary>
    public bool SearchIndex { get; init; } = true;

    public static SiteSettings Default { get; } =
        new("Case record", "", null, "", true, true, "output", true, true, ImmutableDictionary<string, string>.Empty);
}
