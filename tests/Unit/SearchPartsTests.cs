using CaseRecord.Search;

namespace CaseRecord.Tests.Unit;

/// <summary>A large record's search index is made in parts of a bounded size, each in its own folder the search page merges.</summary>
public sealed class SearchPartsTests
{
    [Fact]
    public void Pages_are_cut_in_path_order_into_parts_of_at_most_the_size_given()
    {
        var pages = new[] { "speakers/b/index.html", "articles/z/index.html", "articles/a/index.html", "organisations/o/index.html", "articles/m/index.html" };
        var parts = SearchIndexer.Parts(pages, 2);
        Assert.Equal(3, parts.Count);
        Assert.Equal(["articles/a/index.html", "articles/m/index.html"], parts[0]);
        Assert.Equal(["articles/z/index.html", "organisations/o/index.html"], parts[1]);
        Assert.Equal(["speakers/b/index.html"], parts[2]);
        Assert.Equal(pages.Order(StringComparer.Ordinal), parts.SelectMany(p => p));
    }

    [Fact]
    public void A_record_within_the_size_is_one_index_in_pagefinds_own_folder()
    {
        var parts = SearchIndexer.Parts(Enumerable.Range(0, 2000).Select(n => $"articles/a{n}/index.html"), 2000);
        Assert.Single(parts);
        Assert.Equal("", SearchIndexer.PartPath(1));
        Assert.Equal("parts/2/", SearchIndexer.PartPath(2));
        Assert.Empty(SearchIndexer.Parts([], 2000));
    }
}
