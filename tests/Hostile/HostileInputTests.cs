using System.Diagnostics;
using System.Text;
using CaseRecord.Building;
using CaseRecord.Output;
using CaseRecord.Tests.Support;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Hostile;

[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

/// <summary>
/// Parsing and attribution stay linear: hostile sources build, with warnings, instead of hanging.
/// Run alone, so their load does not slow the browser tests running beside them.
/// </summary>
[Collection(nameof(HostileInputTests))]
public sealed class HostileInputTests(ITestOutputHelper output)
{
    // Only so a hang fails instead of running on: far above the minutes the largest takes on a busy
    // machine. Whether the time grows as it should is the ratio in BuildsLinearly.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Builds the seed at half <paramref name="size"/> and at <paramref name="size"/>: parsing and
    /// attribution (the load and analyse stages) stay linear, so doubling the input may at most
    /// triple their time (linear doubles it, quadratic quadruples it). A ratio, unlike a bound in
    /// minutes, catches a regression on a fast machine and does not fail on a slow one; and it is
    /// of processor time, which other work on a busy machine does not stretch as it does the clock
    /// (this collection runs alone, so the process's time is the build's).
    /// </summary>
    private async Task<(BuildResult Result, int Marks)> BuildsLinearly(Func<int, string> seedOfSize, int size)
    {
        var half = await BuildWith(seedOfSize(size / 2));
        var full = await BuildWith(seedOfSize(size));
        var ratio = full.ParseAndAttribute / half.ParseAndAttribute;
        output.WriteLine($"parsing and attribution at {size:N0} against {size / 2:N0} characters: {ratio:F2} times the processor time");
        Assert.True(ratio <= 3, $"doubling the input made parsing and attribution take {ratio:F2} times the processor time (linear would be 2)");
        return (full.Result, full.Marks);
    }

    /// <summary>The process's processor time from the start of a build to the end of each stage (the builder reports each as it ends, on its own thread).</summary>
    private sealed class StageClock : IProgress<string>
    {
        private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
        public Dictionary<string, TimeSpan> Ended { get; } = [];
        public void Report(string value) => Ended[value] = Process.GetCurrentProcess().TotalProcessorTime - _start;
    }

    private async Task<(BuildResult Result, int Marks, TimeSpan ParseAndAttribute)> BuildWith(string seed)
    {
        var site = new TestSite()
            .Seed("hostile.txt", seed)
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("hostile", "title: Hostile\nsource: seeds/hostile.txt\n");
        var clock = Stopwatch.StartNew();
        var stages = new StageClock();
        var result = await Task.Run(() => new SiteBuilder(site.Source, new Dictionary<string, string>()).Build(new MemorySink(), progress: stages)).WaitAsync(HangGuard);
        var parse = stages.Ended["analyse"];
        output.WriteLine($"{seed.Length:N0} characters built in {clock.ElapsedMilliseconds} ms ({string.Join(", ", result.Stats.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:F0} ms"))}; "
            + $"load and analyse {parse.TotalMilliseconds:F0} ms of processor time) with {result.WarningCount} warnings shown");
        return (result, seed.Count(c => c is '“' or '”' or '"' or '„'), parse);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Five_megabytes_of_unmatched_quotation_marks_build_with_warnings()
    {
        static string Seed(int size)
        {
            var random = new Random(7);
            var text = new StringBuilder();
            string[] pieces = ["“", "”", "\"", "She said", "Ms Thornton", " word", " 12", ".", " he added"];
            while (text.Length < size)
            {
                for (var i = 0; i < 40; i++) text.Append(pieces[random.Next(pieces.Length)]).Append(' ');
                text.Append(random.Next(8) == 0 ? "\n\n" : " ");
            }
            return text.ToString();
        }
        var (result, _) = await BuildsLinearly(Seed, 5_000_000);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5)));
        Assert.InRange(result.WarningCount, 1, 200 * 10);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("more warnings for this article are not shown"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task One_line_ten_megabytes_long_builds()
    {
        static string Seed(int size)
        {
            var text = new StringBuilder();
            while (text.Length < size) text.Append("Ms Thornton said “it was not good enough” and then “again, 7 times” ");
            return text.ToString();
        }
        var (result, marks) = await BuildsLinearly(Seed, 10_000_000);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5)));
        Assert.InRange(result.Stats.Quotations, 1, marks);
        Assert.Equal(result.Stats.Quotations, result.Stats.Attributed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Twenty_thousand_unmarked_paragraphs_after_an_open_quotation_build(bool closed)
    {
        // Each is taken into the quotation tentatively: given back when it is never closed, kept when it is.
        // (The finder alone is held to 100,000 in QuotationFinderTests; here the whole build, whose
        // link check of a page's links to its own anchors grows faster than its paragraphs.)
        var text = new StringBuilder("Ms Thornton said: “We will look again.\n\n");
        for (var i = 0; i < 20_000; i++) text.Append("The council meets on Tuesday to decide.\n\n");
        if (closed) text.Append("“We owe it to the families.”\n");
        var (result, _, _) = await BuildWith(text.ToString());
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5)));
        Assert.Equal(1, result.Stats.Quotations);
        Assert.Equal(1, result.Stats.Attributed);
        Assert.Equal(closed ? 0 : 1, result.Diagnostics.Count(d => d.Message.Contains("never closed", StringComparison.Ordinal)));
    }
}
