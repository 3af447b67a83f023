namespace CaseRecord.Tests.Support;

/// <summary>A copy of a project in a temporary folder, deleted afterwards.</summary>
public sealed class TempProject : IDisposable
{
    public TempProject(string? copyFrom = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "case-record-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (copyFrom is null) return;
        foreach (var folder in new[] { "input", "seeds", "theme" })
            CopyDirectory(Path.Combine(copyFrom, folder), Path.Combine(Root, folder));
        File.Copy(Path.Combine(copyFrom, "statiq.json"), Path.Combine(Root, "statiq.json"));
    }

    public string Root { get; }

    /// <summary>A copy whose files look written long ago: a file written moments ago is never trusted by its stamp.</summary>
    public static TempProject Settled(string copyFrom)
    {
        var project = new TempProject(copyFrom);
        foreach (var file in Directory.EnumerateFiles(project.Root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
        return project;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>Every file under a folder with its bytes and last write time, to prove a folder was left alone.</summary>
    public static SortedDictionary<string, (byte[] Bytes, DateTime Written)> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))), StringComparer.Ordinal);

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
