namespace CaseRecord.Output;

/// <summary>One file of the built site: a forward-slash path relative to the output root, and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Content);
