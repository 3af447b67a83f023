using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Support;

/// <summary>The two outside judges of a page: axe-core for accessibility, the Nu HTML Checker for valid HTML (npm packages, installed by the test build; tests that use them are skipped where they are missing).</summary>
public static class PageCheckers
{
    /// <summary>What axe-core finds against WCAG 2.2 AA on an open page (opened with BypassCSP: the pages' own policy rightly refuses the injected script).</summary>
    public static async Task<IReadOnlyList<string>> AxeViolations(IPage page)
    {
        Assert.True(Tools.Missing(Needs.Axe) is null, Tools.Missing(Needs.Axe));
        await page.AddScriptTagAsync(new() { Path = Tools.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }); return r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join('; ') + ')'); }");
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>The Nu HTML Checker's errors in the HTML files at <paramref name="paths"/> (files or folders); exit code 0 when there are none.</summary>
    public static (int ExitCode, string Said) NuHtmlErrors(params string[] paths)
    {
        Assert.True(Tools.Missing(Needs.NuChecker) is null, Tools.Missing(Needs.NuChecker));
        using var process = Process.Start(new ProcessStartInfo("java", ["-jar", Tools.NuJar, "--errors-only", "--skip-non-html", .. paths]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, said);
    }
}
