using Hailuo.MockServer;

// Standalone: dotnet run --project mockserver/Hailuo.MockServer -- --urls http://127.0.0.1:5080
return await StandaloneServer.RunAsync(args, Console.Out, CancellationToken.None).ConfigureAwait(false);
