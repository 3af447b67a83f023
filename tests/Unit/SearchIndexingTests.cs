using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Search;

namespace CaseRecord.Tests.Unit;

/// <summary>The search index's settings as the project gives them, and its defaults where none are given.</summary>
public sealed class SearchIndexingTests
{
    [Fact]
    public void A_projects_defaults_are_the_index_settings_defaults()
    {
        // The preview asks for an index without settings only in tests; the two must not drift.
        Assert.Equal(new SearchIndexSettings(), SearchIndexing.Of(SiteSettings.Default));
    }

    [Fact]
    public void The_projects_settings_are_read_as_given()
    {
        var settings = SiteSettings.Default with { SearchPagesPerIndex = 7, SearchIndexWrittenByGenerator = false };
        Assert.Equal(new SearchIndexSettings(7, WrittenByGenerator: false), SearchIndexing.Of(settings));
    }
}
