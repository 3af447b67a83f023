namespace CaseRecord.Content;

public static class KeySuggester
{
    /// <summary>The known key closest to <paramref name="key"/> when it is plausibly a typo of it.</summary>
    public static string? Suggest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = Distance(key.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (k, d);
        }
        var allowed = key.Length <= 4 ? 1 : 2;
        return bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// "unknown speaker 'x': did you mean 'y'? …" when a known slug is one or two edits away, else
    /// "unknown speaker 'x': add <paramref name="file"/> or …": a typo is the likelier mistake, so it is named first.
    /// </summary>
    public static string UnknownSlug(string kind, string slug, string file, IEnumerable<string> known, string orElse = "correct the slug") =>
        Suggest(slug, known) is { } close
            ? $"unknown {kind} '{slug}': did you mean '{close}'? If not, add {file}"
            : $"unknown {kind} '{slug}': add {file} or {orElse}";

    /// <summary>Optimal string alignment distance: a swapped pair ("speakres") counts as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
