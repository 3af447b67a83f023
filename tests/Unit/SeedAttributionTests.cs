using System.Collections.Immutable;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>The first case: every quotation passage of the seed is Sara Thornton's.</summary>
public sealed class SeedAttributionTests
{
    private static AnalysedArticle AnalyseSeed()
    {
        var project = new DiskContentSource(Repo.Root);
        var loaded = new ContentLoader(project, new Dictionary<string, string>()).Load();
        Assert.Empty(loaded.Diagnostics);
        var context = new AnalysisContext(loaded.Speakers, loaded.Organisations);
        return new ArticleAnalyser(context).Analyse(Assert.Single(loaded.Articles));
    }

    [Fact]
    public void Seed_text_in_the_repository_is_the_shared_seed_byte_for_byte()
    {
        var shared = Path.Combine(Repo.Root, "..", "shared", "seeds", "000_fbf6e240cee8247d.txt");
        var ours = File.ReadAllBytes(Repo.PathOf("seeds/000_fbf6e240cee8247d.txt"));
        Assert.Equal("a410e803e0178a2e61daa82a20895c39fca1de7c21fed7e6a3934a858f1a954c",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ours)));
        if (File.Exists(shared)) Assert.Equal(File.ReadAllBytes(shared), ours);
    }

    [Fact]
    public void All_quotation_passages_of_the_seed_are_sara_thorntons()
    {
        var a = AnalyseSeed();
        // Each passage with the paragraphs it spans: p6, p8–p10, p12, p14–p15, p16 (partial), p17–p19.
        int[][] expected = [[6], [8, 9, 10], [12], [14, 15], [16], [17, 18, 19]];
        Assert.Equal(expected.Select(e => string.Join(",", e)), a.Quotations.Select(q => string.Join(",", q.Segments.Select(s => s.Paragraph))));
        Assert.All(a.Quotations, q => Assert.Equal("sara-thornton", q.SpeakerSlug));
        Assert.All(a.Quotations, q => Assert.True(q.IsClosed));
        Assert.Equal([false, false, false, false, true, false], a.Quotations.Select(q => q.IsPartial));
        // Every quoted paragraph is covered, and no other.
        Assert.Equal([6, 8, 9, 10, 12, 14, 15, 16, 17, 18, 19], a.Quotations.SelectMany(q => q.Segments.Select(s => s.Paragraph)));
    }

    [Fact]
    public void Seed_attribution_follows_the_rules_of_the_content_format()
    {
        var a = AnalyseSeed();
        var basis = a.Quotations.ToDictionary(q => q.FirstParagraph, q => q.Basis);
        Assert.Equal(AttributionBasis.Pronoun, basis[6]);             // She said: “…”
        Assert.Equal(AttributionBasis.Pronoun, basis[8]);             // … she said: “In 2013 …
        Assert.Equal(AttributionBasis.PreviousParagraph, basis[14]);  // quote-only, after “she agreed” in p13
        Assert.Equal(AttributionBasis.Named, basis[16]);              // Ms Thornton said this may have led “to …”
        Assert.Equal(AttributionBasis.Pronoun, basis[17]);            // She added: “…
    }

    [Fact]
    public void Seed_paragraphs_keep_their_numbers_and_the_debris_is_omitted()
    {
        var a = AnalyseSeed();
        Assert.Equal(19, a.Paragraphs.Length);
        var p5 = a.Paragraphs[4];
        Assert.Equal("Our top stories", p5.Text);
        Assert.True(p5.Omitted);
        Assert.Single(a.Paragraphs, p => p.Omitted);
    }

    [Fact]
    public void Seed_builds_without_errors_or_warnings()
    {
        var a = AnalyseSeed();
        Assert.Empty(a.Diagnostics);
    }

    [Fact]
    public void Seed_key_figures_are_located_with_their_values_and_speakers()
    {
        var a = AnalyseSeed();
        var f = a.Figures.ToDictionary(x => x.Id);
        Assert.Equal(1561m, f["recorded-contacts"].Value);
        Assert.Equal(3, f["recorded-contacts"].Paragraph);
        Assert.Equal(26m, f["offences-recorded"].Value);
        Assert.Equal(2005m, f["abuse-began"].Value);
        Assert.Equal(7, f["abuse-began"].Paragraph);
        Assert.Equal(2013m, f["apology"].Value);
        Assert.Equal("sara-thornton", f["apology"].SpeakerSlug);
        Assert.Null(f["recorded-contacts"].SpeakerSlug);
        Assert.Equal(["abuse-began", "case-collapsed", "took-up-post", "response-inadequate-until", "improvements-since", "apology"],
            a.Figures.Where(x => x.Spec.Event is not null).OrderBy(x => x.Value).Select(x => x.Id));
    }
}
