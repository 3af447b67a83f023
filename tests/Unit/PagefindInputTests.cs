using CaseRecord.Search;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// Pages are trimmed to what Pagefind reads before it reads them; that the index is the same
/// either way is held by <c>SearchInputTests</c> with Pagefind itself.
/// </summary>
public sealed class PagefindInputTests
{
    private static string Page(string head, string body, string after = "") =>
        $"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>T · Site</title>{head}</head>\n<body><nav class=\"site\"><a href=\"/\">Home</a></nav><main>{body}</main>{after}<footer>f</footer></body></html>";

    [Fact]
    public void Only_the_body_element_is_kept_with_the_ids_and_pagefind_attributes_it_needs()
    {
        var trimmed = PagefindInput.Trim(Page(
            "<script type=\"application/ld+json\">{\"a\":\"<b>\"}</script>",
            "<article class=\"article\" data-pagefind-body data-pagefind-filter=\"article[data-title]\" data-title=\"A &amp; B\" data-card=\"x\">" +
            "<h1>A &amp; B</h1><p id=\"p1\" class=\"para\"><a class=\"para-link\" href=\"#p1\">1</a> He said <q id=\"q1\" class=\"quote\" data-quote=\"1\">“<a class=\"figure\" href=\"f/\">9</a> more”</q> <span class=\"said-by\"><span class=\"visually-hidden\">Quotation from </span><a href=\"s/\">X</a></span></p></article>"));
        Assert.Equal(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>T · Site</title></head><body>" +
            "<article data-pagefind-body=\"\" data-pagefind-filter=\"article[data-title]\" data-title=\"A &amp; B\">" +
            "<h1>A &amp; B</h1><p id=\"p1\">1 He said <q id=\"q1\">“9 more”</q> Quotation from X</p></article></body></html>",
            trimmed);
    }

    [Fact]
    public void What_pagefind_ignores_goes_but_a_filter_inside_it_keeps_it_whole()
    {
        var trimmed = PagefindInput.Trim(Page("",
            "<article data-pagefind-body data-pagefind-meta=\"kind:speaker\"><h1 data-pagefind-meta=\"title\">X</h1>" +
            "<span hidden data-pagefind-ignore data-pagefind-filter=\"speaker\">X</span>" +
            "<section data-pagefind-ignore><h2 id=\"h-q\">Quotations</h2><p>said <a data-pagefind-ignore href=\"#\">link</a></p><section><p>nested</p></section></section>" +
            "<div data-pagefind-ignore><span data-pagefind-filter=\"kind\">k</span></div>" +
            "<svg viewBox=\"0 0 1 1\"><rect width=\"1\"/></svg><footer>cited</footer><script>if (a < b) document.write('</section>')</script><p>end</p></article>"));
        Assert.Equal(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>T · Site</title></head><body>" +
            "<article data-pagefind-body=\"\" data-pagefind-meta=\"kind:speaker\"><h1 data-pagefind-meta=\"title\">X</h1>" +
            "<span hidden data-pagefind-ignore data-pagefind-filter=\"speaker\">X</span>" +
            "<div data-pagefind-ignore><span data-pagefind-filter=\"kind\">k</span></div><p>end</p></article></body></html>",
            trimmed);
    }

    [Theory]
    [InlineData("<article data-pagefind-body><h1>A</h1><p id=\"p1\">one <span>two</span></p><script>x</script></article>")]
    [InlineData("<article data-pagefind-body data-pagefind-filter=\"kind:article\"><p>one<!-- c --> <time>t</time></p></article>")]
    [InlineData("<p>no body element</p>")]
    [InlineData("<article data-pagefind-body><p>never closed</p>")]
    public void A_page_lent_as_part_of_a_larger_buffer_is_trimmed_as_the_page_alone(string body)
    {
        // The render lends a page as a slice of a buffer it reuses: nothing before or after the
        // slice is read, though it holds the markers and tags the trimming looks for.
        var page = Page("", body);
        var junk = "<h1>x</h1><div data-pagefind-body data-pagefind-meta=\"m:n\"><title>no</title></div></p><";
        var buffer = (junk + page + junk).ToCharArray();
        var output = new System.Text.StringBuilder("left over from the last page");
        var trimmed = PagefindInput.Trim(buffer.AsMemory(junk.Length, page.Length), output);
        Assert.Equal(PagefindInput.Trim(page), trimmed ? output.ToString() : page);
        Assert.Equal(PagefindInput.Trim(page), PagefindInput.Trim(buffer.AsMemory(junk.Length, page.Length)));
    }

    [Theory]
    [InlineData("<header data-pagefind-filter=\"site:x\"></header>", "")]
    [InlineData("<header><h1>Site</h1></header>", "")]
    [InlineData("", "<aside data-pagefind-meta=\"x:y\"></aside>")]
    [InlineData("", "<div data-pagefind-body>second</div>")]
    public void A_page_with_something_pagefind_reads_outside_its_body_is_given_whole(string before, string after)
    {
        var page = Page("", before + "<article data-pagefind-body><p>text</p></article>", after);
        Assert.Same(page, PagefindInput.Trim(page));
    }

    [Theory]
    [InlineData("<p>no body element</p>")]
    [InlineData("<article data-pagefind-body><p>never closed</p>")]
    public void A_page_it_cannot_follow_is_given_whole(string body)
    {
        var page = Page("", body);
        Assert.Same(page, PagefindInput.Trim(page));
    }
}
