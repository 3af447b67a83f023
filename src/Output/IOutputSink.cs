namespace CaseRecord.Output;

/// <summary>Where a successful build's files go: a folder on disk, or memory for tests and preview.</summary>
public interface IOutputSink
{
    void Write(IReadOnlyList<OutputFile> files);
}
