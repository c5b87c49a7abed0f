using System.Diagnostics;
using System.Text;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>Runs the built evaluation tool (tests/ChatApp.RecommenderEval, copied next to the tests) as a process.</summary>
internal static class EvalToolProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "ChatApp.RecommenderEval.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the evaluation tool did not finish in 3 minutes: {string.Join(' ', arguments)}");
        }

        process.WaitForExit(); // flushes the redirected output
        return (process.ExitCode, output.ToString(), error.ToString());
    }
}
