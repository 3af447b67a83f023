using System.Runtime.InteropServices;
using System.Text;
using CaseRecord.Rendering;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// A rendered page is read where its buffer holds it, not copied into a string: the text handed
/// on is the buffer's own block when there is one, and the whole text whatever the buffer's shape.
/// </summary>
public sealed class PageTextTests
{
    [Fact]
    public void A_page_in_one_block_is_the_buffer_itself()
    {
        var builder = new StringBuilder(1024).Append("<p id=\"p1\">one</p>");
        var text = SiteRenderer.Text(builder);
        Assert.Equal("<p id=\"p1\">one</p>", text.ToString());
        Assert.True(MemoryMarshal.TryGetArray(text, out _), "the text should be the buffer's block, not a copy");
    }

    [Fact]
    public void A_page_in_several_blocks_is_given_whole()
    {
        var builder = new StringBuilder(16);
        for (var i = 0; i < 500; i++) builder.Append("<li>").Append(i).Append("</li>\n");
        Assert.True(CountBlocks(builder) > 1);
        Assert.Equal(builder.ToString(), SiteRenderer.Text(builder).ToString());
    }

    [Fact]
    public void A_buffer_cleared_after_a_large_page_holds_the_next_in_one_block()
    {
        var builder = new StringBuilder(16);
        builder.Append('x', 100_000);
        builder.Clear();
        builder.Append('y', 50_000);
        Assert.Equal(1, CountBlocks(builder));
        var text = SiteRenderer.Text(builder);
        Assert.Equal(50_000, text.Length);
        Assert.True(MemoryMarshal.TryGetArray(text, out _));
    }

    [Fact]
    public void An_empty_page_is_empty() => Assert.Equal(0, SiteRenderer.Text(new StringBuilder()).Length);

    private static int CountBlocks(StringBuilder builder)
    {
        var n = 0;
        foreach (var _ in builder.GetChunks()) n++;
        return n;
    }
}
