using CaseRecord.Content;

namespace CaseRecord.Building;

/// <summary>What a run of the generator is asked to do: the project, where its site goes, the settings given for the run.</summary>
/// <remarks>Here rather than with the command line, so that the preview, which the command line starts, can take them too.</remarks>
public sealed record BuildOptions(string Root, string? Output, IReadOnlyDictionary<string, string> Settings, bool Verbose)
{
    /// <summary>Build even when the output already holds what the build would make.</summary>
    public bool Force { get; init; }

    /// <summary>A file to write every warning, note and error to, one a line, however many there are (the console summarises a large record's).</summary>
    public string? WarningsFile { get; init; }

    /// <summary>The output folder, full path: <c>-o</c> when given, else the project's <c>OutputPath</c> setting.</summary>
    public string OutputFolder(SiteSettings settings) =>
        Output is { } o ? Path.GetFullPath(o) : Path.GetFullPath(Path.Combine(Root, settings.OutputPath));
}
