using System.Runtime.InteropServices;
using CaseRecord.Building;
using CaseRecord.Content;

namespace CaseRecord.Preview;

/// <summary>The <c>preview</c> and <c>serve</c> commands: run until Ctrl+C (or SIGTERM), then stop cleanly with exit code 0.</summary>
public sealed class PreviewCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(BuildOptions options, int port, string? virtualDir, bool watch, bool reload)
    {
        if (!Directory.Exists(options.Root))
        {
            stderr.WriteLine($"error: project folder '{options.Root}' does not exist");
            return 2;
        }
        var session = new PreviewSession(options, new PreviewServerOptions(port, NormaliseVirtualDir(virtualDir), reload), watch, stdout, searchIndex: true);
        return RunUntilStopped(async () => { await session.StartAsync(); return session.Url; }, session.DisposeAsync,
            $"watching input/, seeds/, theme/ and statiq.json{(reload ? "; open pages reload after each rebuild" : "")}. Press Ctrl+C to stop.",
            keepRunning: true);
    }

    public int Serve(BuildOptions options, int port, string? virtualDir)
    {
        var settings = SettingsLoader.Load(new DiskContentSource(options.Root), options.Settings, new Diagnostics.DiagnosticList());
        var output = options.OutputFolder(settings);
        if (!Directory.Exists(output))
        {
            stderr.WriteLine($"error: there is no built site in '{output}'; run 'dotnet run' first");
            return 1;
        }
        PreviewServer? server = null;
        return RunUntilStopped(async () =>
        {
            server = await PreviewServer.StartAsync(new PreviewServerOptions(port, NormaliseVirtualDir(virtualDir), Reload: false),
                () => new DirectoryFiles(output), new LiveReloadHub(), () => "");
            return server.Url;
        }, () => server?.DisposeAsync() ?? ValueTask.CompletedTask, $"serving {output}. Press Ctrl+C to stop.", true);
    }

    private int RunUntilStopped(Func<Task<string>> start, Func<ValueTask> stop, string note, bool keepRunning)
    {
        using var stopping = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stopping.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });
        try
        {
            string url;
            try
            {
                url = start().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                stderr.WriteLine($"error: cannot start the server: {e.Message} (is another preview running? try --port)");
                return 1;
            }
            stdout.WriteLine($"Serving on {url}");
            stdout.WriteLine(note);
            stdout.Flush();
            if (keepRunning)
            {
                try { Task.Delay(Timeout.Infinite, stopping.Token).GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { }
            }
            stdout.WriteLine("Stopping.");
            return 0;
        }
        finally
        {
            stop().AsTask().Wait(TimeSpan.FromSeconds(2));
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static string NormaliseVirtualDir(string? dir)
    {
        var d = (dir ?? "").Trim().Trim('/');
        return d.Length == 0 ? "" : "/" + d;
    }
}
