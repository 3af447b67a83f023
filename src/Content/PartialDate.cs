using System.Globalization;

namespace CaseRecord.Content;

/// <summary>A date as precise as the source allows: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
public sealed record PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Forms = "a date as YYYY-MM-DD, YYYY-MM or YYYY, from year 0001 to 9999";

    /// <summary>The date, or null when <paramref name="text"/> is not a real date in one of the three forms.</summary>
    /// <remarks>The Gregorian calendar has no year 0 (1 BC is followed by AD 1), and .NET's calendar ends at 9999, so the year is 0001–9999 in every form.</remarks>
    public static PartialDate? TryParse(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1) return null;
        int? m = null, d = null;
        if (parts.Length > 1)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm) || mm is < 1 or > 12) return null;
            m = mm;
        }
        if (parts.Length > 2)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dd) || dd < 1 || dd > DateTime.DaysInMonth(y, m!.Value)) return null;
            d = dd;
        }
        return new PartialDate(y, m, d);
    }

    /// <summary>ISO form, as precise as known: 2015, 2015-03, 2015-03-05.</summary>
    public string Iso => Month is null ? $"{Year:D4}" : Day is null ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Day:D2}";

    public string Display
    {
        get
        {
            if (Month is null) return Year.ToString(CultureInfo.InvariantCulture);
            var monthName = MonthNames[Month.Value - 1];
            return Day is null ? $"{monthName} {Year}" : $"{Day} {monthName} {Year}";
        }
    }

    // The build runs with invariant globalisation, so English month names are spelt out here.
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public int CompareTo(PartialDate? other)
    {
        if (other is null) return 1;
        var c = Year.CompareTo(other.Year);
        if (c != 0) return c;
        c = (Month ?? 0).CompareTo(other.Month ?? 0);
        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }
}
