using System.Text.Json.Serialization;

namespace CaseRecord.Diagnostics;

/// <summary>How bad a diagnostic is: an error fails the build, a warning is counted and repeated, a note only informs.</summary>
public enum Severity { Warning, Error, Note }

/// <summary>A place in a project file, 1-based, with the path relative to the project root.</summary>
public readonly record struct SourcePosition(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>One problem in content, printed the way compilers do so editors' tools can jump to it.</summary>
/// <remarks>A <see cref="Severity.Note"/> is not a problem: it says how the build read something
/// (which paragraph rule a source text got). It is printed with the warnings but is neither counted
/// nor kept as one. What is worked out from the rest (<see cref="Kind"/>, the severity's names)
/// is not kept when a build records its warnings: the record is read back into the same values.</remarks>
public sealed record Diagnostic(Severity Severity, SourcePosition At, string Message)
{
    [JsonIgnore]
    public bool IsError => Severity == Severity.Error;
    [JsonIgnore]
    public bool IsWarning => Severity == Severity.Warning;

    /// <summary>
    /// What sort of problem this is, in a few words, the same for every place it is found ("number
    /// not covered by a key figure"): a large record's warnings are summarised by it. Given where
    /// the diagnostic is made (<see cref="GivenKind"/>); otherwise the message with its names and numbers taken out.
    /// </summary>
    [JsonIgnore]
    public string Kind => GivenKind ?? DiagnosticKind.Of(Message);

    /// <summary>The kind its maker gave, if any.</summary>
    public string? GivenKind { get; init; }

    public static Diagnostic Error(SourcePosition at, string message) => new(Severity.Error, at, message);
    public static Diagnostic Warning(SourcePosition at, string message, string? kind = null) => new(Severity.Warning, at, message) { GivenKind = kind };
    public static Diagnostic Note(SourcePosition at, string message, string? kind = null) => new(Severity.Note, at, message) { GivenKind = kind };

    /// <summary>"error", "warning" or "note", as printed.</summary>
    [JsonIgnore]
    public string SeverityName => Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    public override string ToString() => $"{At}: {SeverityName}: {Message}";
}
