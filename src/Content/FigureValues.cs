using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseRecord.Content;

/// <summary>A sum of money read from words such as <c>£2.3m</c>: the amount in whole units of its currency.</summary>
/// <param name="Written">The words as written (<c>£2.3m</c>, <c>5p</c>), shown in place of the amount.</param>
/// <param name="Currency">The ISO 4217 code the symbol implies, or null when the words have none.</param>
public sealed record MoneyText(decimal Amount, string? Currency, string Written, bool HasSymbol);

/// <summary>How the values of money, date and duration figures are read from their words.</summary>
public static partial class FigureValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Active ISO 4217 codes (and the precious metals and testing codes are left out on purpose).
    private static readonly FrozenSet<string> CurrencyCodes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF " +
        "GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP " +
        "LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB " +
        "PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL " +
        "THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL")
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for an ISO 4217 currency code (any case): GBP, USD, EUR, …</summary>
    public static bool IsCurrencyCode(string code) => CurrencyCodes.Contains(code.Trim().ToUpperInvariant());

    /// <summary>The symbol a currency is shown with, or null (the code is shown after the amount).</summary>
    public static string? Symbol(string currency) => currency switch
    {
        "GBP" => "£",
        "USD" => "$",
        "EUR" => "€",
        _ => null,
    };

    [GeneratedRegex(@"(?<sym>[£$€])?\s?(?<num>\d[\d,]*(?:\.\d+)?)(?:\s?(?<scale>bn|billion|m|million|k|thousand|p)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    /// <summary>
    /// The first sum of money in <paramref name="text"/>: a symbol (£ GBP, $ USD, € EUR), digits, and a
    /// scale (k or thousand, m or million, bn or billion) or <c>p</c> for pence (5p = 0.05 GBP).
    /// </summary>
    public static MoneyText? Money(string text)
    {
        var m = MoneyPattern().Match(text);
        if (!m.Success) return null;
        if (!decimal.TryParse(m.Groups["num"].Value.TrimEnd(',').Replace(",", ""), NumberStyles.Number, Invariant, out var amount)) return null;
        var sym = m.Groups["sym"].Value;
        var scale = m.Groups["scale"].Value;
        string? currency = sym switch { "£" => "GBP", "$" => "USD", "€" => "EUR", _ => null };
        switch (scale)
        {
            case "k" or "thousand": amount *= 1_000m; break;
            case "m" or "million": amount *= 1_000_000m; break;
            case "bn" or "billion": amount *= 1_000_000_000m; break;
            case "p" when sym.Length == 0: amount /= 100m; currency = "GBP"; break;
        }
        var written = m.Value.TrimEnd(',');
        return new MoneyText(amount, currency, written, sym.Length > 0 || scale == "p");
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"\b(?:(?<d>\d{1,2})(?:st|nd|rd|th)?\s+)?(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<y>\d{4})\b|\b(?<iso>\d{4}-\d{2}(?:-\d{2})?)\b|\b(?<year>\d{4})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>
    /// The first date in <paramref name="text"/>: <c>12 February 2022</c>, <c>February 2022</c>,
    /// <c>2022-02-12</c>, <c>2022-02</c> or a year alone; null when there is none or it is not a real date.
    /// </summary>
    public static PartialDate? Date(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success) return null;
        if (m.Groups["iso"].Success) return PartialDate.TryParse(m.Groups["iso"].Value);
        if (m.Groups["year"].Success) return PartialDate.TryParse(m.Groups["year"].Value);
        var month = Array.IndexOf(MonthNames, m.Groups["m"].Value.ToLowerInvariant()) + 1;
        var iso = $"{m.Groups["y"].Value}-{month:D2}";
        if (m.Groups["d"].Success) iso += "-" + int.Parse(m.Groups["d"].Value, Invariant).ToString("D2", Invariant);
        return PartialDate.TryParse(iso);
    }

    /// <summary>A date as a number that sorts in time: YYYYMMDD, with 00 for a month or day not known.</summary>
    public static decimal DateNumber(PartialDate date) => date.Year * 10000m + (date.Month ?? 0) * 100m + (date.Day ?? 0);

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?\s*(?<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    /// <summary>The unit of time written after the first number (<c>10 years ago</c>: years), or null.</summary>
    public static string? DurationUnit(string text)
    {
        var m = DurationPattern().Match(text);
        return m.Success ? m.Groups["unit"].Value.ToLowerInvariant() : null;
    }
}
