using System.Globalization;
using CaseRecord.Analysis;
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

    /// <summary>
    /// A located figure's value as the site shows it: a date as a date (12 February 2022), money as
    /// written (£2.3m) or with its currency (£217,640; 1,200 CHF), then the unit if any (10 years).
    /// </summary>
    public static string Value(LocatedFigure f) => Value(f, asWritten: true);

    /// <summary>
    /// The value a group of equal figures shares, the same whichever of them shows it: as <see cref="Value(LocatedFigure)"/>,
    /// but money always with its currency (£2,300,000), not as one source wrote it (£2.3m).
    /// </summary>
    public static string Canonical(LocatedFigure f) => Value(f, asWritten: false);

    private static string Value(LocatedFigure f, bool asWritten)
    {
        if (f.Spec.Kind == FigureKind.Date && f.Date is { } date) return date.Display;
        var shown = Value(f.Value, f.Spec.Kind);
        if (f.Spec.Kind == FigureKind.Money)
        {
            if (asWritten && f.Written is { } written) shown = written;
            else if (f.Currency is { } currency)
                shown = FigureValues.Symbol(currency) is { } symbol ? symbol + shown : shown + " " + currency;
        }
        return f.Unit is { } unit ? shown + " " + unit : shown;
    }

    /// <summary>A date figure's date in ISO form (2022-02-12, 2022-02, 2022); null for other kinds.</summary>
    public static string? IsoDate(LocatedFigure f) => f.Spec.Kind switch
    {
        FigureKind.Date => f.Date?.Iso,
        FigureKind.Year => f.Value == decimal.Truncate(f.Value) && f.Value is >= 1 and <= 9999 ? ((int)f.Value).ToString("D4", Invariant) : null,
        _ => null,
    };

    /// <summary>A share as a percentage with one decimal (26 of 1,561 = 1.7%).</summary>
    public static string Percent(decimal percent) =>
        Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.0", Invariant) + "%";

    public static string Kind(FigureKind kind) => kind.ToString().ToLowerInvariant();
}
