using CaseRecord.Cli;

namespace CaseRecord.Preview;

/// <summary>
/// The preview server. This first version builds once and says what is coming; the server, the
/// watcher and live reload arrive with the preview issue.
/// </summary>
public sealed class PreviewCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(BuildOptions options, int port, string? virtualDir, bool watch, bool reload)
    {
        var code = new BuildCommand(stdout, stderr).Run(options, write: true);
        if (code != 0) return code;
        stdout.WriteLine($"preview: the live server (http://127.0.0.1:{port}{virtualDir}/, watch={watch}, reload={reload}) is not built yet; open output/index.html meanwhile.");
        return 0;
    }

    public int Serve(BuildOptions options, int port, string? virtualDir)
    {
        stderr.WriteLine($"serve: not built yet (would serve on http://127.0.0.1:{port}{virtualDir}/).");
        return 2;
    }
}
