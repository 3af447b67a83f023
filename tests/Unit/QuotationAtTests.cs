using System.Collections.Immutable;
using CaseRecord.Analysis;

namespace CaseRecord.Tests.Unit;

/// <summary>Which quotation holds a position of the text, as a mention's excerpt asks: inside one, between two, or in a later paragraph of one that runs on.</summary>
public sealed class QuotationAtTests
{
    private static Quotation Q(string id, params QuoteSegment[] segments) =>
        new(id, [.. segments], [], false, true, null, AttributionBasis.Unattributed, new AttributionEvidence("unattributed"));

    private static readonly ImmutableArray<Quotation> Quotes =
    [
        Q("q1", new QuoteSegment(1, 10, 20)),
        Q("q2", new QuoteSegment(1, 30, 40)),
        Q("q3", new QuoteSegment(2, 0, 50), new QuoteSegment(3, 0, 25)),
        Q("q4", new QuoteSegment(5, 5, 6)),
    ];

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(1, 10, "q1")]
    [InlineData(1, 19, "q1")]
    [InlineData(1, 20, null)]
    [InlineData(1, 35, "q2")]
    [InlineData(2, 49, "q3")]
    [InlineData(3, 24, "q3")]
    [InlineData(3, 25, null)]
    [InlineData(4, 0, null)]
    [InlineData(5, 5, "q4")]
    [InlineData(6, 0, null)]
    public void Finds_the_quotation_holding_a_position(int paragraph, int position, string? expected) =>
        Assert.Equal(expected, QuotationAt.Find(Quotes, paragraph, position)?.Id);

    [Fact]
    public void No_quotations_hold_nothing() => Assert.Null(QuotationAt.Find([], 1, 0));
}
