using System.Collections.Immutable;
using System.Diagnostics;

namespace CaseRecord.Building;

/// <summary>The time each stage of one build took, told to a progress display as each ends.</summary>
internal sealed class StageClock(IProgress<string>? progress)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _lap = Stopwatch.StartNew();
    private readonly ImmutableArray<(string, TimeSpan)>.Builder _stages = ImmutableArray.CreateBuilder<(string, TimeSpan)>();

    public void Lap(string stage)
    {
        _stages.Add((stage, _lap.Elapsed));
        _lap.Restart();
        progress?.Report(stage);
    }

    public ImmutableArray<(string Stage, TimeSpan Time)> Stages => _stages.ToImmutable();

    public TimeSpan Total => _total.Elapsed;
}

/// <summary>What a render strategy made: the site's files (none when streamed), what changed since the last, and the pages.</summary>
/// <param name="Changed">Paths whose bytes differ from the last build's (added, changed or removed); all files on a first build.</param>
/// <param name="AllPages">Every page of the site, rendered now or not.</param>
/// <param name="Rendered">Pages rendered by this build.</param>
/// <param name="Written">Files handed to the sink.</param>
internal sealed record SiteOutcome(
    ImmutableSortedDictionary<string, Output.OutputFile> Files, ImmutableArray<string> Changed, ImmutableArray<string> AllPages,
    int Pages, int Rendered, bool Incremental, int Written = 0);
