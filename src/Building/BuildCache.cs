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

    /// <summary>
    /// Makes the next build take one article as edited though it is not (its analysis and its key
    /// forgotten), so a session can rehearse an edit's rebuild; false before a first good build.
    /// </summary>
    internal bool ForgetOneArticle()
    {
        if (Last is not { } last || last.Index.Articles.IsEmpty) return false;
        var path = last.Index.Articles[last.Index.Articles.Length / 2].Doc.Path;
        Analyses = Analyses.Where(a => a.Key != path).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        Last = last with { ArticleKeys = last.ArticleKeys.ToDictionary(k => k.Key, k => k.Key == path ? "" : k.Value, StringComparer.Ordinal) };
        return true;
    }

    /// <summary>The ids of pages a link check has read, by file (unchanged pages are the same file objects from build to build).</summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>> PageIds { get; } = [];
}
