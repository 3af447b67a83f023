using System.Collections.Immutable;

namespace CaseRecord.Diagnostics;

/// <summary>Collects the diagnostics of one stage run; the stage hands them on frozen.</summary>
public sealed class DiagnosticList
{
    private readonly List<Diagnostic> _items = [];

    public void Error(SourcePosition at, string message) => _items.Add(Diagnostic.Error(at, message));
    public void Warning(SourcePosition at, string message) => _items.Add(Diagnostic.Warning(at, message));
    public void Note(SourcePosition at, string message) => _items.Add(Diagnostic.Note(at, message));
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
    public bool HasErrors => _items.Exists(d => d.IsError);
    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}
