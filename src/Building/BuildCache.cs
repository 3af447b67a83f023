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
        ImmutableDictionary<string, string> ArticleKeys,
        ImmutableSortedDictionary<string, OutputFile> Files,
        ImmutableArray<string> Pages);

    internal Content.LoadCache Load { get; } = new();

    internal ImmutableDictionary<string, Analysis> Analyses { get; set; } = ImmutableDictionary<string, Analysis>.Empty;

    internal LastSite? Last { get; set; }

    internal Rendering.OpenDataCache OpenData { get; } = new();
}
