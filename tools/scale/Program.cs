using System.Globalization;
using Hailuo.Jobs.Hangfire.Tests.Support;
using Hailuo.Scale;

// dotnet run -c Release --project tools/scale -- throughput [jobs] [workers] [render seconds] [latency ms] [processes, such as 1,3,3,1]
// dotnet run -c Release --project tools/scale -- memory [workers] [poll seconds] [points, such as 0,250,500,750,1000]
var command = args.FirstOrDefault();
if (command is not ("throughput" or "memory"))
{
    Console.Error.WriteLine("usage: throughput [jobs=300] [workers=6] [render-seconds=15] [latency-ms=0] [processes=1,3] | memory [workers=6] [poll-seconds=15] [points=0,250,500,750,1000]");
    return 2;
}

string Argument(int at, string fallback) => args.Length > at ? args[at] : fallback;
int Number(int at, int fallback) => int.Parse(Argument(at, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
int[] Numbers(int at, string fallback) => Argument(at, fallback).Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load {MachineLoad.Now()}");
var cluster = new PostgresCluster();
await cluster.InitializeAsync();
try
{
    if (command == "throughput")
    {
        var settings = new ThroughputSettings(Number(1, 300), Number(2, 6), TimeSpan.FromSeconds(Number(3, 15)), TimeSpan.FromMilliseconds(Number(4, 0)), TimeSpan.FromMinutes(30));
        Console.WriteLine($"{settings.Jobs} jobs a run; renders of {settings.Render.TotalSeconds:F0} s; polls every 1 s; every simulator answer delayed {settings.Latency.TotalMilliseconds:F0} ms");
        Console.WriteLine(ThroughputRow.Header);
        foreach (var processes in Numbers(5, "1,3"))
        {
            Console.WriteLine(await new ThroughputRun(cluster, settings).RunAsync(processes));
        }
    }
    else
    {
        var settings = new MemorySettings(Number(1, 6), TimeSpan.FromSeconds(Number(2, 15)), Numbers(3, "0,250,500,750,1000"), TimeSpan.FromSeconds(Number(2, 15) * 2), 4);
        await new MemoryRun(cluster, settings, Console.Out).RunAsync();
    }
}
finally
{
    await cluster.DisposeAsync();
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load {MachineLoad.Now()}");
return 0;
