namespace CaseRecord.Rendering;

/// <summary>
/// Where every page lives in the output, as paths relative to the output root. The one place
/// that knows the site's URL layout; links are made from these by <see cref="LinkBuilder"/>.
/// </summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string Speakers = "speakers/index.html";
    public const string Figures = "figures/index.html";
    public const string Organisations = "organisations/index.html";
    public const string Timeline = "timeline/index.html";
    public const string Articles = "articles/index.html";
    public const string Assets = "assets/";
    public const string Sources = "sources/";
    public const string NotFound = "404.html";
    public const string Sitemap = "sitemap.xml";
    public const string Feed = "feed.xml";
    public const string DataPage = "data/index.html";
    public const string Data = "data/case.json";

    /// <summary>Part <paramref name="number"/> (from 1) of a record too large for one data file (see <see cref="OpenDataParts"/>).</summary>
    public static string DataPart(int number) => $"data/articles/{number}.json";
    public const string Search = "search/index.html";
    /// <summary>Where Pagefind writes its index and UI, after the build.</summary>
    public const string SearchBundle = "pagefind/";

    public static string Article(string slug) => $"articles/{slug}/index.html";

    /// <summary>Page <paramref name="number"/> of a long list: the list's own path for the first, <c>LIST/page/N/</c> after (Hugo's layout).</summary>
    public static string Paged(string listPath, int number) =>
        number <= 1 ? listPath : $"{listPath[..^"index.html".Length]}page/{number}/index.html";

    public static string Speaker(string slug) => $"speakers/{slug}/index.html";
    public static string Figure(string id) => $"figures/{id}/index.html";

    /// <summary>The list of every figure of one value (<see cref="Model.ValueKey.Name"/>), like a Hugo taxonomy term's page.</summary>
    public static string Value(string name) => $"{Values}/{name}/index.html";
    public const string Values = "values";
    public static string Organisation(string slug) => $"organisations/{slug}/index.html";

    /// <summary>The published copy of a seed text, so readers can check the page against the source.</summary>
    public static string Source(string seedPath) => Sources + seedPath["seeds/".Length..];
}
