using CaseRecord.Search.Builtin;

namespace CaseRecord.Tests.Unit;

public sealed class KeptTests
{
    [Fact]
    public void What_the_search_keeps_is_a_copy_of_its_own_the_collector_counts_as_old()
    {
        var buffer = new[] { 3, 1, 4, 1, 5, 9, 2, 6 };
        var kept = Kept.Copy<int>(buffer.AsSpan(2, 5));
        Assert.Equal([4, 1, 5, 9, 2], kept);
        buffer[3] = 0;
        Assert.Equal(1, kept[1]);
        // Made on the pinned object heap, which the collector reports as its oldest generation and never compacts.
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(kept));
        Assert.Empty(Kept.Copy(ReadOnlySpan<byte>.Empty));
    }
}
