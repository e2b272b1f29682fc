namespace Gnbv.Tools;

public static class Program
{
    public static Task<int> Main(string[] args) => ToolsApp.RunAsync(args, Console.Out, Console.Error);
}
