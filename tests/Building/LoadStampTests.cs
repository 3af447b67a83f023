using CaseRecord.Content;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>A long-running session skips reading files whose size and time are unchanged, and never misses a change.</summary>
public sealed class LoadStampTests
{
    private const string Article = "input/articles/thornton-refuses-responsibility.md";
    private const string Seed = "seeds/000_fbf6e240cee8247d.txt";

    /// <summary>The disk, counting what is read.</summary>
    private sealed class CountingSource(string root) : IContentSource
    {
        private readonly DiskContentSource _disk = new(root);
        public List<string> Reads { get; } = [];
        public IReadOnlyList<string> ListFiles(string folder, string extension) => _disk.ListFiles(folder, extension);
        public IReadOnlyList<string> ListFilesRecursive(string folder) => _disk.ListFilesRecursive(folder);
        public bool FileExists(string path) => _disk.FileExists(path);
        public bool DirectoryExists(string path) => _disk.DirectoryExists(path);
        public byte[] ReadAllBytes(string path) { lock (Reads) Reads.Add(path); return _disk.ReadAllBytes(path); }
        public FileStamp? Stamp(string path) => _disk.Stamp(path);
    }

    private static TempProject SettledProject() => TempProject.Settled(Repo.Root);

    /// <summary>The memo a session would hold, each load's replacing the last.</summary>
    private sealed class Memo
    {
        public LoadMemo Last { get; set; } = LoadMemo.None;
    }

    private static (LoadedProject Project, List<string> Reads) Load(TempProject project, Memo cache)
    {
        var source = new CountingSource(project.Root);
        var (loaded, next) = new ContentLoader(source, new Dictionary<string, string>()).Load(cache.Last);
        cache.Last = next;
        return (loaded, source.Reads);
    }

    [Fact]
    public void Unchanged_files_are_not_read_again()
    {
        using var project = SettledProject();
        var cache = new Memo();
        var (_, first) = Load(project, cache);
        Assert.Contains(Article, first);
        Assert.Contains(Seed, first);
        var (_, second) = Load(project, cache);
        Assert.DoesNotContain(Article, second);
        Assert.DoesNotContain(Seed, second);
    }

    [Fact]
    public void An_edit_of_the_same_size_is_seen_by_its_time()
    {
        using var project = SettledProject();
        var cache = new Memo();
        Load(project, cache);
        var path = project.PathOf(Article);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("title: Chief constable", "title: Chief Constable"));
        Assert.Equal(text.Length, File.ReadAllText(path).Length);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var (loaded, reads) = Load(project, cache);
        Assert.Contains(Article, reads);
        Assert.StartsWith("Chief Constable", Assert.Single(loaded.Articles).Doc.Title);
    }

    [Fact]
    public void A_source_text_changed_in_place_is_seen()
    {
        using var project = SettledProject();
        var cache = new Memo();
        Load(project, cache);
        var path = project.PathOf(Seed);
        var bytes = File.ReadAllBytes(path);
        bytes[^2] = bytes[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var (loaded, reads) = Load(project, cache);
        Assert.Contains(Seed, reads);
        Assert.Contains(loaded.Diagnostics, d => d.IsError && d.Message.StartsWith("sha256 does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_written_just_now_is_read_even_when_its_stamp_looks_unchanged()
    {
        using var project = SettledProject();
        var path = project.PathOf(Article);
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(path, now);
        var cache = new Memo();
        Load(project, cache);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("title: Chief constable", "title: Chief Constable"));
        File.SetLastWriteTimeUtc(path, now);
        var (loaded, reads) = Load(project, cache);
        Assert.Contains(Article, reads);
        Assert.StartsWith("Chief Constable", Assert.Single(loaded.Articles).Doc.Title);
    }
}
