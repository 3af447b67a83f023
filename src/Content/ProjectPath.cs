namespace CaseRecord.Content;

/// <summary>Normalises editor-written paths and refuses any that would leave the project.</summary>
public static class ProjectPath
{
    /// <summary>Returns the normalised relative path, or null when the path is absolute or climbs out of the root.</summary>
    public static string? Normalise(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        var p = path.Replace('\\', '/');
        if (p.StartsWith('/') || (p.Length > 1 && p[1] == ':')) return null;
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    public static bool IsInside(string normalisedPath, string folder) =>
        normalisedPath.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    public static string FileStem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
