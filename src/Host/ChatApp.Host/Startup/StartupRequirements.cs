using Microsoft.Extensions.Options;

namespace ChatApp.Host.Startup;

/// <summary>
/// Fail fast outside Development (ADR 16): before the host starts, every setting a deployment needs is checked and every
/// server it depends on is probed; anything missing, contradictory or unreachable stops the process with one log line
/// that names all the problems, and a non-zero exit code. Development (the embedded default) is not checked.
/// </summary>
internal static class StartupRequirements
{
    /// <summary>How long a reachability probe may take (<c>Startup:ProbeTimeout</c>).</summary>
    private static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when the host may start. <paramref name="migrateOnly"/>: the <c>migrate</c> verb needs the database only.
    /// When false, the reason has been logged and the caller exits.
    /// </summary>
    public static async Task<bool> MeetStartupRequirementsAsync(this WebApplication app, bool migrateOnly)
    {
        if (app.Environment.IsDevelopment())
        {
            return true;
        }

        var configuration = app.Configuration;
        var problems = ProductionConfiguration.Problems(configuration, migrateOnly);
        if (!migrateOnly)
        {
            problems.AddRange(OptionsProblems(app.Services));
        }

        if (problems.Count == 0)
        {
            var timeout = configuration.GetValue("Startup:ProbeTimeout", DefaultProbeTimeout);
            problems.AddRange(await DependencyProbes.ProbeAsync(configuration, migrateOnly, timeout));
        }

        if (problems.Count == 0)
        {
            return true;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupRequirements));
        logger.LogCritical("ChatApp refuses to start ({Environment}): {Problems}", app.Environment.EnvironmentName, string.Join(" ", problems));
        return false;
    }

    /// <summary>The options that the modules validate at start (<c>ValidateOnStart</c>, e.g. <c>Jwt</c>, <c>Media</c>), checked now so that their failures read as one line too.</summary>
    private static IEnumerable<string> OptionsProblems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return exception.Failures.Select(Sentence);
        }
        catch (AggregateException exception)
        {
            return exception.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).Select(Sentence);
        }
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
