using System.Globalization;

namespace Hailuo.Scale;

/// <summary>What Linux's /proc says about one process: CPU time used, resident memory, threads.</summary>
internal readonly record struct ProcessStats(double CpuSeconds, double ChildCpuSeconds, int ParentId, long ResidentBytes, int Threads)
{
    // USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>Reads process <paramref name="id"/>; null once it is gone.</summary>
    public static ProcessStats? Read(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // The command name is in parentheses and may hold spaces: the fields that follow start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double Ticks(int field) => long.Parse(fields[field], CultureInfo.InvariantCulture) / TicksPerSecond;
            long resident = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    resident = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }

            return new ProcessStats(Ticks(11) + Ticks(12), Ticks(13) + Ticks(14), int.Parse(fields[1], CultureInfo.InvariantCulture), resident, threads);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// CPU seconds of a PostgreSQL server so far: the postmaster listening on <paramref name="port"/>, the children it
    /// reaped (closed connections) and the backends alive now.
    /// </summary>
    public static double ServerCpuSeconds(int port)
    {
        var ids = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture)).ToList();
        var postmaster = ids.FirstOrDefault(id => IsPostmaster(id, port));
        if (postmaster == 0)
        {
            return double.NaN;
        }

        var total = Read(postmaster) is { } p ? p.CpuSeconds + p.ChildCpuSeconds : 0;
        foreach (var id in ids)
        {
            if (Read(id) is { } child && child.ParentId == postmaster)
            {
                total += child.CpuSeconds;
            }
        }

        return total;
    }

    private static bool IsPostmaster(int id, int port)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{id}/cmdline").Split('\0');
            var at = Array.IndexOf(arguments, "-p");
            return arguments[0].EndsWith("/postgres", StringComparison.Ordinal) && at >= 0 && at + 1 < arguments.Length && arguments[at + 1] == port.ToString(CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
