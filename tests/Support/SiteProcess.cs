using System.Diagnostics;

namespace CaseRecord.Tests.Support;

/// <summary>The real program as a child process, for what only a process shows: exit codes, signals, a listening server.</summary>
public static class SiteProcess
{
    /// <summary>
    /// Starts <c>Site.dll</c> through perl, which restores the default SIGINT disposition that a
    /// shell running the tests in the background would have set to ignore.
    /// </summary>
    public static Process StartWithSigint(params string[] args) =>
        Process.Start(new ProcessStartInfo("perl", ["-e", "$SIG{INT}='DEFAULT'; exec @ARGV", "dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "Site.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    /// <summary>Reads the program's output until it prints the URL it serves on.</summary>
    public static async Task<string?> ServingUrl(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            if (line.StartsWith("Serving on ", StringComparison.Ordinal)) return line["Serving on ".Length..];
        return null;
    }

    public static async Task Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString()]);
        await kill.WaitForExitAsync();
    }
}
