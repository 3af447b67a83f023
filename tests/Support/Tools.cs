namespace CaseRecord.Tests.Support;

/// <summary>The outside tools some tests need beyond the .NET SDK.</summary>
[Flags]
public enum Needs
{
    /// <summary>A Chromium for Playwright (<see cref="Browser.Chromium"/>).</summary>
    Chromium = 1,
    /// <summary>npm's axe-core, injected into pages.</summary>
    Axe = 2,
    /// <summary>npm's vnu-jar, the Nu HTML Checker, run by Java.</summary>
    NuChecker = 4,
    /// <summary>Node and npm's pagefind, so a build to disk makes the search index.</summary>
    Pagefind = 8,
    /// <summary>Node and npm's @action-validator/cli, the workflow schema validator.</summary>
    WorkflowValidator = 16,
}

/// <summary>
/// Where the tools are, and what is missing: a test that needs a missing tool reports as skipped
/// with one line saying how to get it (<see cref="ToolFactAttribute"/>, <see cref="BrowserFactAttribute"/>).
/// The npm packages are installed by the test build itself (Site.Tests.csproj runs 'npm ci').
/// </summary>
public static class Tools
{
    public static readonly string AxeScript = Repo.PathOf("node_modules/axe-core/axe.min.js");
    public static readonly string NuJar = Repo.PathOf("node_modules/vnu-jar/build/dist/vnu.jar");
    public static readonly string Pagefind = Repo.PathOf("node_modules/pagefind/lib/index.js");
    public static readonly string WorkflowValidator = Repo.PathOf("node_modules/.bin/action-validator");

    private static readonly string NoNode = "Node.js is not on PATH: install Node.js 20 with npm (apt-get install nodejs npm); the test build then installs the npm tools itself";

    /// <summary>Why a test that needs <paramref name="needs"/> cannot run here, in one line; null when everything is there.</summary>
    public static string? Missing(Needs needs)
    {
        var missing = new List<string>();
        if (needs.HasFlag(Needs.Chromium) && Browser.Chromium is null) missing.Add(Browser.NotFound);
        if (needs.HasFlag(Needs.Axe)) Package(missing, AxeScript, "axe-core");
        if (needs.HasFlag(Needs.NuChecker))
        {
            Package(missing, NuJar, "vnu-jar");
            if (OnPath("java") is null) missing.Add("java is not on PATH: install Java 17 or later (apt-get install default-jre-headless) for the Nu HTML Checker");
        }
        if (needs.HasFlag(Needs.Pagefind)) NodePackage(missing, Pagefind, "pagefind");
        if (needs.HasFlag(Needs.WorkflowValidator)) NodePackage(missing, WorkflowValidator, "@action-validator/cli");
        return missing.Count == 0 ? null : string.Join("; ", missing.Distinct());
    }

    private static void NodePackage(List<string> missing, string file, string package)
    {
        if (OnPath("node") is null) missing.Add(NoNode);
        else Package(missing, file, package);
    }

    private static void Package(List<string> missing, string file, string package)
    {
        if (File.Exists(file)) return;
        missing.Add(OnPath("npm") is null
            ? $"npm package {package} is missing and npm is not on PATH: install Node.js 20 with npm (apt-get install nodejs npm); the test build then runs 'npm ci'"
            : $"npm package {package} is missing: build the tests again (dotnet build tests runs 'npm ci'), or run 'npm ci' in {Repo.Root}");
    }

    /// <summary>The first file called <paramref name="program"/> in a folder on PATH (with .exe or .cmd on Windows), or null.</summary>
    public static string? OnPath(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd", program] : [program];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}

/// <summary>A fact that needs outside tools: skipped, saying how to get them, where any is missing.</summary>
public class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(Needs needs) => Skip = Tools.Missing(needs)!;
}

/// <summary>A theory that needs outside tools: skipped, saying how to get them, where any is missing.</summary>
public class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(Needs needs) => Skip = Tools.Missing(needs)!;
}

/// <summary>A fact that drives a browser (and may need more tools): skipped where there is no Chromium.</summary>
public sealed class BrowserFactAttribute(Needs more = 0) : ToolFactAttribute(Needs.Chromium | more);

/// <summary>A theory that drives a browser (and may need more tools): skipped where there is no Chromium.</summary>
public sealed class BrowserTheoryAttribute(Needs more = 0) : ToolTheoryAttribute(Needs.Chromium | more);
