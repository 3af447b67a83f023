using CaseRecord.Building;
using CaseRecord.Diagnostics;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>The record a build to disk leaves beside its output reads back as it was written.</summary>
public sealed class BuildRecordTests
{
    [Fact]
    public void A_record_reads_back_with_its_warnings_kinds_and_answers_and_keeps_nothing_worked_out_from_them()
    {
        using var project = new TempProject();
        var output = project.PathOf("output");
        Directory.CreateDirectory(DirectorySink.NotesFolder(output));
        var given = Diagnostic.Warning(new("seeds/a.txt", 3, 14), "the number 2011 in p7 is not covered by any key figure; add one to 'figures:' if it matters", "number not covered by any key figure");
        var worked = Diagnostic.Warning(new("input/articles/b.md", 1, 1), "unknown setting “SiteTitel”");
        var record = new BuildRecord("key", new Dictionary<string, string> { ["read\nseeds/a.txt"] = "2f55", ["folder\nseeds"] = "yes" }, [given, worked], 25, 31);

        record.Write(output);
        var back = BuildRecord.Read(output);

        Assert.NotNull(back);
        Assert.Equal(("key", 25, 31), (back.Key, back.Pages, back.Files));
        Assert.Equal(record.Answers.OrderBy(a => a.Key, StringComparer.Ordinal), back.Answers.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal([given, worked], back.Warnings);
        Assert.Equal([given.Kind, worked.Kind], back.Warnings.Select(w => w.Kind));
        var text = File.ReadAllText(Path.Combine(DirectorySink.NotesFolder(output), BuildRecord.FileName));
        foreach (var derived in new[] { "\"Kind\"", "\"SeverityName\"", "\"IsError\"", "\"IsWarning\"" }) Assert.DoesNotContain(derived, text);
    }

    [Fact]
    public void A_record_cut_short_is_no_record()
    {
        using var project = new TempProject();
        var output = project.PathOf("output");
        Directory.CreateDirectory(DirectorySink.NotesFolder(output));
        new BuildRecord("key", new Dictionary<string, string>(), [], 1, 1).Write(output);
        var path = Path.Combine(DirectorySink.NotesFolder(output), BuildRecord.FileName);
        File.WriteAllText(path, File.ReadAllText(path)[..^3]);

        Assert.Null(BuildRecord.Read(output));
    }
}
