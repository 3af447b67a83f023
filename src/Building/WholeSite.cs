using System.Collections.Immutable;
using CaseRecord.Diagnostics;
using CaseRecord.Output;
using CaseRecord.Rendering;

namespace CaseRecord.Building;

/// <summary>Every page rendered into memory, every link checked; and, given the last site's files, which of them changed.</summary>
internal static class WholeSite
{
    public static SiteOutcome Render(SiteRenderer renderer, Model.CaseIndex index, Func<ImmutableArray<OutputFile>> data, ImmutableSortedDictionary<string, OutputFile>? before,
        System.Runtime.CompilerServices.ConditionalWeakTable<OutputFile, List<string>>? pageIds, DiagnosticList diagnostics, StageClock clock)
    {
        clock.Lap("plan");
        var job = renderer.Prepare(index, data: data());
        clock.Lap("data");
        var output = SiteRenderer.Render(job);
        clock.Lap("render");
        diagnostics.AddRange(output.Diagnostics);
        var files = output.Files.ToImmutableSortedDictionary(f => f.Path, f => f, StringComparer.Ordinal);
        var changed = Changes(before, files);
        clock.Lap("merge");
        diagnostics.AddRange(Checks.LinkValidator.Validate(files, files.Keys, index.Settings, pageIds));
        clock.Lap("links");
        return new SiteOutcome(files, changed, output.AllPages, output.AllPages.Length, output.AllPages.Length, false);
    }

    private static ImmutableArray<string> Changes(ImmutableSortedDictionary<string, OutputFile>? before, ImmutableSortedDictionary<string, OutputFile> after)
    {
        if (before is null) return [.. after.Keys];
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var (path, file) in after)
            if (!before.TryGetValue(path, out var old) || !old.SameBytes(file))
                changed.Add(path);
        foreach (var path in before.Keys)
            if (!after.ContainsKey(path)) changed.Add(path);
        return changed.ToImmutable();
    }
}
