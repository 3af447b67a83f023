namespace CaseRecord.Search;

/// <summary>How a site's search index is made, from the settings <c>SearchPagesPerIndex</c> and <c>SearchIndexWrittenByGenerator</c>: a build to disk and the preview make it the same way.</summary>
public sealed record SearchIndexSettings(int PagesPerIndex = 2000, bool WrittenByGenerator = true)
{
    /// <summary>The indexer these settings describe, saying what it does to <paramref name="log"/>.</summary>
    public SearchIndexer Indexer(TextWriter log) => new(log, PagesPerIndex, WrittenByGenerator);
}
