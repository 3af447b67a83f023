using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Model;
using CaseRecord.Output;

namespace CaseRecord.Building;

/// <summary>
/// What one build leaves for the next in a long-running session (the preview): analyses keyed by
/// the fingerprint of their inputs, and the last good site with the index it was rendered from.
/// Owned by the session, never static; each build replaces its contents whole.
/// </summary>
public sealed class BuildCache
{
    public sealed record Analysis(string Key, AnalysedArticle Result);

    public sealed record LastSite(
        string ThemeKey,
        string SettingsKey,
        string ContextKey,
        CaseIndex Index,
        IReadOnlyDictionary<string, string> ArticleKeys,
        ImmutableSortedDictionary<string, OutputFile> Files,
        ImmutableArray<string> Pages);

    internal Content.LoadCache Load { get; } = new();

    internal IReadOnlyDictionary<string, Analysis> Analyses { get; set; } = new Dictionary<string, Analysis>();

    internal LastSite? Last { get; set; }

    /// <summary>The analysis context and the fingerprint of the speakers and organisations it was made from: its name matchers are compiled regexes, too costly to make at every save.</summary>
    internal (string Key, AnalysisContext Context)? Context { get; set; }

    internal Rendering.OpenDataCache OpenData { get; } = new();

    /// <summary>The ids of pages a link check has read, by file (unchanged pages are the same file objects from build to build).</summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>> PageIds { get; } = [];
}
