namespace CaseRecord.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A place in a project file, 1-based, with the path relative to the project root.</summary>
public readonly record struct SourcePosition(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>One problem in content, printed the way compilers do so editors' tools can jump to it.</summary>
public sealed record Diagnostic(Severity Severity, SourcePosition At, string Message)
{
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(SourcePosition at, string message) => new(Severity.Error, at, message);
    public static Diagnostic Warning(SourcePosition at, string message) => new(Severity.Warning, at, message);

    public override string ToString() =>
        $"{At}: {(IsError ? "error" : "warning")}: {Message}";
}
