using CaseRecord.Content;
using CaseRecord.Search;

namespace CaseRecord.Building;

/// <summary>The project's settings for its search index, read in one place: a build to disk and the preview make it alike.</summary>
internal static class SearchIndexing
{
    public static SearchIndexSettings Of(SiteSettings settings) => new(settings.SearchPagesPerIndex, settings.SearchIndexWrittenByGenerator);
}
