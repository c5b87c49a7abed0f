namespace ChatApp.LoadTest;

/// <summary>What a <see cref="ProcessProbe"/> watches.</summary>
internal enum ProbeRole
{
    /// <summary>A ChatApp server process.</summary>
    Server,

    /// <summary>Another process of the benchmark (MariaDB, Redis).</summary>
    Other,

    /// <summary>The load tool itself.</summary>
    Tool,

    /// <summary>The whole machine: all processes' CPU from /proc/stat (no RSS).</summary>
    Machine,
}
