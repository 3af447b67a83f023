using CaseRecord.Diagnostics;

namespace CaseRecord.Tests.Unit;

public sealed class DiagnosticTests
{
    private static readonly SourcePosition At = new("seeds/x.txt", 1, 1);

    [Fact]
    public void A_note_is_printed_as_a_note_and_is_neither_an_error_nor_a_warning()
    {
        var note = Diagnostic.Note(At, "this text has no blank lines");
        Assert.Equal("seeds/x.txt:1:1: note: this text has no blank lines", note.ToString());
        Assert.False(note.IsError);
        Assert.False(note.IsWarning);
        Assert.Equal("seeds/x.txt:1:1: warning: w", Diagnostic.Warning(At, "w").ToString());
        Assert.Equal("seeds/x.txt:1:1: error: e", Diagnostic.Error(At, "e").ToString());
    }

    [Fact]
    public void A_list_with_only_notes_has_no_errors()
    {
        var list = new DiagnosticList();
        list.Note(At, "n");
        Assert.False(list.HasErrors);
        Assert.Equal(Severity.Note, Assert.Single(list.ToImmutable()).Severity);
    }
}
