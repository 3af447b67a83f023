using System.Text.RegularExpressions;

namespace CaseRecord.Content;

public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string s) => Pattern().IsMatch(s);

    public const string Rule = "lower-case letters and digits in words joined by single hyphens, e.g. 'sara-thornton'";
}
