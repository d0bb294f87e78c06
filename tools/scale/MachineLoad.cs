namespace Hailuo.Scale;

/// <summary>The machine's load averages (1, 5, 15 minutes), as `uptime` prints them: other builds share the cores.</summary>
internal static class MachineLoad
{
    public static string Now() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The 1-minute load average.</summary>
    public static double OneMinute() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
