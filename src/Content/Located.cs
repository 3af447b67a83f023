using CaseRecord.Diagnostics;

namespace CaseRecord.Content;

/// <summary>A value from content together with the place it was written, for error messages later.</summary>
public sealed record Located<T>(T Value, SourcePosition At);
