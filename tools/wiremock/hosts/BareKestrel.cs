#:sdk Microsoft.NET.Sdk.Web
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property EnforceCodeStyleInBuild=false

// Benchmark floor: bare Kestrel answering every task-status poll with fixed bytes. Usage: dotnet run BareKestrel.cs -- PORT BODYFILE
var body = File.ReadAllBytes(args[1]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/v1/tasks/{id}", () => Results.Bytes(body, "application/json; charset=utf-8"));
Console.WriteLine("listening");
app.Run("http://127.0.0.1:" + args[0]);
