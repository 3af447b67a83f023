using System.Text.Json;
using CaseRecord.Output;

namespace CaseRecord.Building;

/// <summary>
/// What the last build to disk depended on and reported, kept with the generator's other notes
/// beside the output folder (<see cref="DirectorySink.NotesFolder"/>; the sink drops it when it
/// replaces the folder, so a record never describes another build's output): the generator and the
/// settings given for the run (<see cref="Key"/>), every question it asked of the project with
/// its answer, and its warnings (a build with errors writes nothing, so leaves no record).
/// When nothing has changed, a build can leave the output as it is and repeat the warnings.
/// Warnings are kept whole, kinds and all, so they are summarised as the build that found them did.
/// Notes are not kept: they tell how the build read a file, said by the build that read it.
/// </summary>
public sealed record BuildRecord(string Key, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<Diagnostics.Diagnostic> Warnings, int Pages, int Files)
{
    public const string FileName = "build.json";

    /// <summary>What besides the project makes the site: this very build of the generator, the settings given for the run, and anything else the caller names.</summary>
    public static string KeyFor(IReadOnlyDictionary<string, string> settingOverrides, params string[] more) =>
        Content.Fingerprint.Of([
            .. new[] { typeof(BuildRecord), typeof(Scriban.Template), typeof(Markdig.Markdown), typeof(YamlDotNet.Core.Parser) }
                .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString()),
            .. settingOverrides.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key.ToUpperInvariant() + "=" + s.Value),
            .. more,
        ]);

    /// <summary>Records the build of the output folder <paramref name="output"/>, once it is in place.</summary>
    /// <remarks>Streamed: a large record's JSON (18 MB at 10,000 articles) made whole in memory was a
    /// large-object allocation that could cost a full collection at the end of the build.</remarks>
    public void Write(string output)
    {
        using var file = new FileStream(PathFor(output), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        JsonSerializer.Serialize(file, this, BuildRecordJson.Default.BuildRecord);
    }

    /// <summary>The record of the build of the output folder <paramref name="output"/>, or null when it has none that can be read.</summary>
    public static BuildRecord? Read(string output)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(PathFor(output)), BuildRecordJson.Default.BuildRecord) is { Key: not null, Answers: not null, Warnings: not null } record
                ? record : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private static string PathFor(string output) => Path.Combine(DirectorySink.NotesFolder(output), FileName);
}
