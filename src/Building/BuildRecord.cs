using System.Text.Json;

namespace CaseRecord.Building;

/// <summary>
/// What the last build to disk depended on and reported, kept in its output folder (beside the
/// files it describes, so a folder and its record are never out of step): the generator and the
/// settings given for the run (<see cref="Key"/>), every question it asked of the project with
/// its answer, and its warnings (a build with errors writes nothing, so leaves no record).
/// When nothing has changed, a build can leave the output as it is and repeat the warnings.
/// Notes are not kept: they tell how the build read a file, said by the build that read it.
/// </summary>
public sealed record BuildRecord(string Key, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<string> Warnings, int Pages, int Files)
{
    public const string FileName = ".case-record-build";

    /// <summary>What besides the project makes the site: this very build of the generator, the settings given for the run, and anything else the caller names.</summary>
    public static string KeyFor(IReadOnlyDictionary<string, string> settingOverrides, params string[] more) =>
        Content.Fingerprint.Of([
            .. new[] { typeof(BuildRecord), typeof(Scriban.Template), typeof(Markdig.Markdown), typeof(YamlDotNet.Core.Parser) }
                .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString()),
            .. settingOverrides.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key.ToUpperInvariant() + "=" + s.Value),
            .. more,
        ]);

    public void Write(string folder) => File.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The folder's record, or null when it has none that can be read.</summary>
    public static BuildRecord? Read(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<BuildRecord>(File.ReadAllBytes(Path.Combine(folder, FileName))) is { Key: not null, Answers: not null, Warnings: not null } record
                ? record : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
