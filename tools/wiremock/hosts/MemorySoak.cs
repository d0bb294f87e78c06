#:project ../../../mockserver/Hailuo.MockServer/Hailuo.MockServer.csproj
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property EnforceCodeStyleInBuild=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

// The standalone simulator's resident memory (VmRSS of its own process, so the client's copies never count), measured
// from outside: "images": image-to-video submits of a large noise PNG, then DELETE /__admin/requests and
// POST /__admin/hailuo/reset; "soak": task-status polls by 8 clients for some minutes, sampled every 30 s.
// Usage: MemorySoak images [submits, default 30] | soak [minutes, default 10]   (run from the repository root)
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hailuo.Contracts;

var mode = args.Length > 0 ? args[0] : "images";
var amount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : (mode == "soak" ? 10 : 30);
var port = int.Parse(Environment.GetEnvironmentVariable("SOAK_PORT") ?? "5097", System.Globalization.CultureInfo.InvariantCulture);
var server = Process.Start(new ProcessStartInfo("dotnet", $"mockserver/Hailuo.MockServer/bin/Release/net10.0/Hailuo.MockServer.dll --urls http://127.0.0.1:{port}") { RedirectStandardOutput = true })!;
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "perf-key");
    await server.StandardOutput.ReadLineAsync();
    Console.WriteLine($"machine: nproc {Environment.ProcessorCount}, {Environment.OSVersion}, .NET {Environment.Version}; simulator pid {server.Id}");
    Console.WriteLine($"start: {Rss(server)} MB");
    var model = HailuoSpec.ApiMart.Models.First(m => m.FindMode(VideoMode.ImageToVideo) is not null);
    var row = model.FindMode(VideoMode.ImageToVideo)!.Matrix[0];
    var resolution = HailuoSpec.ApiMart.WireResolution(row.Resolution);
    if (mode == "images")
    {
        var png = NoisePng(2560, 1900);
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = model.Id,
            ["prompt"] = "A cat walks out of the picture",
            ["resolution"] = resolution,
            ["duration"] = row.Durations[0],
            ["first_frame_image"] = "data:image/png;base64," + Convert.ToBase64String(png),
        });
        Console.WriteLine($"image: {png.Length / (1024.0 * 1024):0.0} MB PNG, body {body.Length / (1024.0 * 1024):0.0} MB");
        for (var i = 1; i <= amount; i++)
        {
            using var response = await http.PostAsync("/v1/videos/generations", new StringContent(body, Encoding.UTF8, "application/json"));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"submit {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (i % 10 == 0)
            {
                Console.WriteLine($"after {i} submits: {Rss(server)} MB");
            }
        }

        (await http.DeleteAsync("/__admin/requests")).EnsureSuccessStatusCode();
        (await http.PostAsync("/__admin/hailuo/reset", null)).EnsureSuccessStatusCode();
        Console.WriteLine($"after DELETE /__admin/requests and POST /__admin/hailuo/reset: {Rss(server)} MB");
        for (var s = 0; s < 3; s++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.WriteLine($"  {(s + 1) * 10} s later, idle: {Rss(server)} MB");
        }
    }
    else
    {
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var submit = JsonSerializer.Serialize(new { model = model.Id, prompt = "A cat " + i, resolution, duration = row.Durations[0] });
            using var response = await http.PostAsync("/v1/videos/generations", new StringContent(submit, Encoding.UTF8, "application/json"));
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data")[0].GetProperty("task_id").GetString()!);
        }

        var until = DateTime.UtcNow.AddMinutes(amount);
        long polls = 0;
        var pollers = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var n = c; DateTime.UtcNow < until; n++)
            {
                using var response = await http.GetAsync("/v1/tasks/" + ids[n % ids.Count]);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref polls);
            }
        })).ToArray();
        var started = DateTime.UtcNow;
        while (!Task.WhenAll(pollers).IsCompleted)
        {
            await Task.WhenAny(Task.WhenAll(pollers), Task.Delay(TimeSpan.FromSeconds(30)));
            Console.WriteLine($"{(DateTime.UtcNow - started).TotalMinutes,5:0.0} min: {Interlocked.Read(ref polls),9:N0} polls, {Rss(server)} MB");
        }

        await Task.WhenAll(pollers);
    }
}
finally
{
    server.Kill();
    await server.WaitForExitAsync();
}

static long Rss(Process process) =>
    long.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

// An RGB PNG of noise (seeded): it hardly compresses, so the file is about width x height x 3 bytes.
static byte[] NoisePng(int width, int height)
{
    var random = new Random(22);
    using var pixels = new MemoryStream();
    using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
    {
        var line = new byte[(width * 3) + 1];
        for (var y = 0; y < height; y++)
        {
            random.NextBytes(line);
            line[0] = 0;
            zlib.Write(line);
        }
    }

    var header = new byte[13];
    BinaryPrimitives.WriteInt32BigEndian(header, width);
    BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
    header[8] = 8;
    header[9] = 2;
    using var file = new MemoryStream();
    file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", pixels.ToArray()), ("IEND", Array.Empty<byte>()) })
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        file.Write(Encoding.ASCII.GetBytes(type));
        file.Write(data);
        file.Write(new byte[4]); // CRC left zero: neither the simulator nor its image inspector checks it
    }

    return file.ToArray();
}
