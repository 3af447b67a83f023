using System.Text;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Building;

/// <summary>The output folder is swapped in whole, and the swapped-out one is reused without trusting it blindly.</summary>
public sealed class DirectorySinkTests
{
    private static OutputFile F(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(folder, f))), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Expected(params OutputFile[] files) =>
        new(files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content)), StringComparer.Ordinal);

    private static string Note(TempProject project, string name) => Path.Combine(DirectorySink.NotesFolder(project.PathOf("output")), name);

    [Fact]
    public void A_build_streamed_to_disk_writes_exactly_what_a_build_in_memory_makes_and_nothing_else()
    {
        using var folder = new TempProject();
        static MemoryContentSource Site(string name) =>
            new MemoryContentSource().AddFolder($"tests/sites/{name}", "", p => !p.StartsWith("expected/", StringComparison.Ordinal)).AddFolder("theme");
        // The last has its open data split a part an article: a build to disk writes the parts on several threads at once.
        var split = new Dictionary<string, string> { ["DataFileSplitSize"] = "0", ["DataFileArticlesPerPart"] = "1" };
        foreach (var (source, settings) in new[] { (RepoFiles.Project(), new Dictionary<string, string>()), (Site("two-speakers"), []), (Site("three-sources"), split) })
        {
            var memory = new MemorySink();
            Assert.True(new SiteBuilder(source, settings).Build(memory).Succeeded);
            var disk = new DirectorySink(folder.PathOf("output"));
            Assert.True(new SiteBuilder(source, settings).Build(disk).Succeeded);
            Assert.Equal(settings == split, memory.Files.ContainsKey("data/articles/3.json"));
            // The generator's notes (its mark, the manifest) are beside the output, not among the files a host publishes.
            var written = Directory.EnumerateFiles(folder.PathOf("output"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder.PathOf("output"), f).Replace('\\', '/'))
                .ToDictionary(f => f, f => File.ReadAllBytes(folder.PathOf("output/" + f)));
            Assert.Equal(memory.Files.Keys, written.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in memory.Files) Assert.True(bytes.AsSpan().SequenceEqual(written[path]), path);
            Assert.True(File.Exists(Path.Combine(folder.PathOf(".output.case-record"), DirectorySink.ManifestName)));
        }
    }

    [Fact]
    public void An_output_folder_marked_inside_by_an_earlier_generator_is_still_ours_and_its_notes_are_not_carried_over()
    {
        using var project = new TempProject();
        project.Write("output/.case-record-output", "This folder is written by the case record generator and replaced on every build.\n");
        project.Write("output/.case-record-manifest", "case-record manifest 2\n");
        project.Write("output/index.html", "old");
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] site = [F("index.html", "home")];
        sink.Write(site);
        sink.Write(site);
        sink.Write(site);
        Assert.Equal(Expected(site), Files(project.PathOf("output")));
    }

    [Fact]
    public void Rebuilding_an_unchanged_site_writes_nothing_once_a_spare_folder_exists()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] site = [F("index.html", "home"), F("a/index.html", "a"), F("a/b/index.html", "b")];
        sink.Write(site);
        sink.Write(site);
        Assert.True(Directory.Exists(project.PathOf(".output.spare")));
        sink.Write(site);
        Assert.Equal(new DirectorySink.WriteCounts(0, 3, 0), sink.Counts);
        Assert.Equal(Expected(site), Files(project.PathOf("output")));
    }

    [Fact]
    public void Changed_added_and_removed_files_are_applied_to_the_reused_folder()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        sink.Write([F("index.html", "home"), F("old/index.html", "old"), F("a/index.html", "a")]);
        sink.Write([F("index.html", "home"), F("old/index.html", "old"), F("a/index.html", "a")]);
        OutputFile[] next = [F("index.html", "home, changed"), F("a/index.html", "a"), F("new/deep/index.html", "new")];
        sink.Write(next);
        Assert.Equal(new DirectorySink.WriteCounts(2, 1, 1), sink.Counts);
        Assert.Equal(Expected(next), Files(project.PathOf("output")));
        Assert.False(Directory.Exists(project.PathOf("output/old")));
    }

    [Fact]
    public void Files_edited_or_added_by_hand_in_an_old_output_never_reach_a_new_one()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] site = [F("index.html", "home"), F("a/index.html", "aaaa")];
        sink.Write(site);
        // Same size and same name; and, as cp -p or rsync -t leave it, the time it had.
        var page = project.PathOf("output/a/index.html");
        var time = File.GetLastWriteTimeUtc(page);
        File.WriteAllText(page, "AAAA");
        File.SetLastWriteTimeUtc(page, time);
        File.WriteAllText(project.PathOf("output/extra.html"), "not ours");
        sink.Write(site); // the edited folder becomes the spare
        sink.Write(site); // and is reused here
        Assert.Equal(Expected(site), Files(project.PathOf("output")));
        Assert.Equal(1, sink.Counts.Written);
        Assert.Equal(1, sink.Counts.Removed);
    }

    [Fact]
    public void A_file_rewritten_shorter_or_from_pieces_holds_exactly_its_new_bytes()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] first = [F("index.html", new string('x', 5000)), F("data/case.json", new string('y', 3000))];
        sink.Write(first);
        sink.Write(first);
        // The third build reuses the first build's folder, whose files are longer than the new ones.
        var pieces = new OutputFile("data/case.json", [Encoding.UTF8.GetBytes("{\"a\":"), Encoding.UTF8.GetBytes("1,"), Encoding.UTF8.GetBytes("\"b\":2}")]);
        sink.Write([F("index.html", "short"), pieces]);
        Assert.Equal(new DirectorySink.WriteCounts(2, 0, 0), sink.Counts);
        Assert.Equal("short", File.ReadAllText(project.PathOf("output/index.html")));
        Assert.Equal("{\"a\":1,\"b\":2}", File.ReadAllText(project.PathOf("output/data/case.json")));
    }

    [Fact]
    public void A_file_written_as_a_stream_has_the_manifest_entry_of_its_bytes()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        var json = "{\"a\":1,\"b\":2}"u8.ToArray();
        void Build()
        {
            using var session = sink.Begin();
            session.Add(F("index.html", "home"));
            Assert.Equal(json.Length, session.Add("data/case.json", stream =>
            {
                stream.Write(json.AsSpan(0, 5));
                stream.Write(json, 5, 3);
                stream.Write(json.AsSpan(8));
            }));
            session.Commit();
        }
        Build();
        Build();
        Assert.Equal("{\"a\":1,\"b\":2}", File.ReadAllText(project.PathOf("output/data/case.json")));
        // Streamed, the file has the entry it would have written whole: its XXH128, in hex.
        var hash = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(json));
        Assert.Contains($"{hash} {json.Length} data/case.json", File.ReadAllLines(Note(project, DirectorySink.ManifestName)));
        // Written whole next time, the same bytes are found unchanged in the reused folder.
        sink.Write([F("index.html", "home"), new OutputFile("data/case.json", json)]);
        Assert.Equal(new DirectorySink.WriteCounts(0, 2, 0), sink.Counts);
    }

    /// <summary>A work that writes its files into its folder when it finishes, as the search index does.</summary>
    private sealed class FolderWork(string site, IReadOnlyDictionary<string, string> files) : IStagedWork
    {
        public string Folder => "idx";
        public bool Reads(string path) => false;
        public void Expect(IEnumerable<string> paths) { }
        public void Page(string path, ReadOnlyMemory<char> text) { }
        public bool Finish()
        {
            foreach (var (path, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(site, Folder, path))!);
                File.WriteAllText(Path.Combine(site, Folder, path), text);
            }
            return true;
        }
        public void Dispose() { }
    }

    [Fact]
    public void What_a_staged_work_writes_into_its_folder_is_in_the_manifest_with_its_hash_and_the_output_is_known_intact()
    {
        using var project = new TempProject();
        var work = new Dictionary<string, string> { ["a.json"] = "first", ["deep/b.bin"] = "second, longer" };
        var sink = new DirectorySink(project.PathOf("output")) { Completion = staged => new FolderWork(staged, work) };
        sink.Write([F("index.html", "home"), F("idx/page.html", "a page the site writes in the work's folder")]);
        var manifest = File.ReadAllLines(Note(project, DirectorySink.ManifestName));
        foreach (var (path, text) in work)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.Contains($"{Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(bytes))} {bytes.Length} idx/{path}", manifest);
        }
        // The page the site wrote there keeps its one entry.
        Assert.Single(manifest, l => l.EndsWith(" idx/page.html", StringComparison.Ordinal));
        Assert.True(sink.HoldsItsLastBuild());
        // A file changed in the work's folder is found: the manifest's entries are the bytes on disk.
        File.WriteAllText(project.PathOf("output/idx/a.json"), "FIRST");
        Assert.False(sink.HoldsItsLastBuild());
    }

    [Fact]
    public void A_spare_folder_without_its_manifest_is_rewritten_whole() => RewrittenWholeAfter(File.Delete);

    [Fact]
    public void A_spare_folder_with_a_manifest_of_the_old_form_is_rewritten_whole() => RewrittenWholeAfter(manifest =>
    {
        // Version 1 held SHA-256 hashes: right or wrong, they are not read as XXH128.
        var lines = File.ReadAllLines(manifest);
        Assert.Equal("case-record manifest 2", lines[0]);
        File.WriteAllLines(manifest, ["case-record manifest 1", .. lines[1..]]);
    });

    private static void RewrittenWholeAfter(Action<string> spoilManifest)
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] site = [F("index.html", "home"), F("a/index.html", "a")];
        sink.Write(site);
        sink.Write(site);
        spoilManifest(Note(project, DirectorySink.SpareManifestName));
        sink.Write(site);
        Assert.Equal(new DirectorySink.WriteCounts(2, 0, 0), sink.Counts);
        Assert.Equal(Expected(site), Files(project.PathOf("output")));
    }

    [Fact]
    public void A_file_where_a_folder_is_now_wanted_is_replaced()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        sink.Write([F("index.html", "home"), F("a", "a file")]);
        sink.Write([F("index.html", "home"), F("a", "a file")]);
        OutputFile[] next = [F("index.html", "home"), F("a/index.html", "now a folder")];
        sink.Write(next);
        Assert.Equal(Expected(next), Files(project.PathOf("output")));
    }

    [Fact]
    public void A_folder_where_a_file_is_now_wanted_is_replaced()
    {
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] before = [F("index.html", "home"), F("a/index.html", "a page"), F("b/c/index.html", "a deeper page")];
        sink.Write(before);
        sink.Write(before);
        OutputFile[] next = [F("index.html", "home"), F("a", "now a file"), F("b/c", "a file too")];
        sink.Write(next);
        Assert.Equal(Expected(next), Files(project.PathOf("output")));
    }

    [Fact]
    public void Folders_left_empty_at_several_depths_are_removed()
    {
        // As a search index's folder is: files at its top and in subfolders, all made afresh.
        using var project = new TempProject();
        var sink = new DirectorySink(project.PathOf("output"));
        OutputFile[] withIndex = [F("index.html", "home"), F("pagefind/a.js", "a"), F("pagefind/index/b.idx", "b"), F("pagefind/index/deep/c.idx", "c")];
        OutputFile[] without = [F("index.html", "home")];
        sink.Write(withIndex);
        sink.Write(withIndex);
        sink.Write(without); // reuses the first site, whose three nested folders all empty
        Assert.Equal(Expected(without), Files(project.PathOf("output")));
        Assert.False(Directory.Exists(project.PathOf("output/pagefind")));
        Assert.Equal(3, sink.Counts.Removed);
    }
}
