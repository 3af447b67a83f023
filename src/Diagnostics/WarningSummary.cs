using System.Collections.Immutable;
using System.Globalization;

namespace CaseRecord.Diagnostics;

/// <summary>
/// A build's warnings and notes as a person reads them: every line when there are few, and when
/// there are many (a large record has tens of thousands) one line a kind, with its count and first
/// places, since a screenful of the same warning hides the one that differs. Errors are not
/// summarised: each must be fixed, so each is printed.
/// </summary>
public sealed class WarningSummary
{
    /// <summary>Up to this many warnings and notes, every one is listed.</summary>
    public const int ListAllUpTo = 10;

    /// <summary>How many places a kind's line names.</summary>
    public const int PlacesShown = 3;

    public WarningSummary(IEnumerable<Diagnostic> diagnostics)
    {
        All = [.. diagnostics.Where(d => !d.IsError)];
        Kinds = [.. All.GroupBy(d => (d.Severity, d.Kind))
            .Select(g => new WarningKind(g.Key.Severity, g.Key.Kind, g.Count(), [.. g.Take(PlacesShown)]))];
    }

    /// <summary>Every warning and note, in the order the build reported them.</summary>
    public ImmutableArray<Diagnostic> All { get; }

    /// <summary>The kinds, in the order each was first reported.</summary>
    public ImmutableArray<WarningKind> Kinds { get; }

    /// <summary>Whether there are too many to list: then <see cref="Lines"/> gives a line a kind.</summary>
    public bool Summarised => All.Length > ListAllUpTo;

    /// <summary>Every warning's line when there are few or <paramref name="all"/> is asked for; otherwise each kind's.</summary>
    public IEnumerable<string> Lines(bool all = false) =>
        all || !Summarised ? All.Select(d => d.ToString()) : Kinds.Select(k => k.Line);

    /// <summary>What was left out of a summary, for the caller to say how to see the rest.</summary>
    public string Described =>
        $"{Count(All.Length, "warning or note", "warnings and notes")} of {Count(Kinds.Length, "kind", "kinds")}";

    private static string Count(int n, string one, string many) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}

/// <summary>One kind of warning or note: how many, and the first few.</summary>
public sealed record WarningKind(Severity Severity, string Kind, int Count, ImmutableArray<Diagnostic> First)
{
    /// <summary>"warning: 12,000 × number not covered by any key figure; first: a.md:3:5, b.md:7:1, c.md:1:1, …"; a kind found once is its own line.</summary>
    public string Line => Count == 1 ? First[0].ToString()
        : $"{First[0].SeverityName}: {Count.ToString("N0", CultureInfo.InvariantCulture)} × {Kind}; first: {string.Join(", ", First.Select(d => d.At))}{(Count > First.Length ? ", …" : "")}";
}
