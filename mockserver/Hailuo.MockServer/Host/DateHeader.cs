using System.Globalization;

namespace Hailuo.MockServer.Server;

/// <summary>The HTTP Date header's text ("R"), written once per second of the simulator's clock rather than per answer.</summary>
internal static class DateHeader
{
    private static Written? _last;

    public static string For(DateTimeOffset now)
    {
        // "R" shows whole UTC seconds, so one text serves every instant of a second.
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Second == second)
        {
            return last.Text;
        }

        var text = now.ToString("R", CultureInfo.InvariantCulture);
        Volatile.Write(ref _last, new Written(second, text));
        return text;
    }

    private sealed record Written(long Second, string Text);
}
