using Gnbv.Web.Infrastructure;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddGnbv();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or OptionsValidationException)
{
    // A wrong configuration or an unreachable database is one clear line, not a stack trace.
    await Console.Error.WriteLineAsync("GNBV không khởi động được (cannot start): " + e.Message.ReplaceLineEndings(" "));
    return 1;
}
app.UseGnbv();
await app.RunAsync();
return 0;

public partial class Program;
