using System.Globalization;
using CaseRecord.Content;

namespace CaseRecord.Rendering;

public static class ValueFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(decimal value, FigureKind kind) => kind switch
    {
        FigureKind.Year => value.ToString("0", Invariant),
        FigureKind.Percent => value.ToString("0.##", Invariant) + "%",
        _ => value == decimal.Truncate(value) ? value.ToString("#,0", Invariant) : value.ToString("#,0.##", Invariant),
    };

    /// <summary>A share as a percentage with one decimal (26 of 1,561 = 1.7%).</summary>
    public static string Percent(decimal percent) =>
        Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.0", Invariant) + "%";

    public static string Kind(FigureKind kind) => kind.ToString().ToLowerInvariant();
}
