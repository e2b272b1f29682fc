using System.Reflection;
using System.Xml.Linq;

namespace Gnbv.IntegrationTests.Architecture;

/// <summary>
/// The product is the product: the web app and the operator's gnbv reference neither each other nor
/// the developers' tools and test data (bench, fuzz, synthetic generators), in their project files
/// and in the assemblies they ship.
/// </summary>
public class ProductReferencesTests
{
    private static readonly string[] NotShipped = ["Gnbv.TestData", "gnbv-tools", "Gnbv.Tools"];

    private static DirectoryInfo Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gnbv.slnx"))) dir = dir.Parent;
        dir.ShouldNotBeNull("repository root not found");
        return dir;
    }

    /// <summary>The project files a product project references, by file name without extension.</summary>
    private static List<string> ProjectReferences(string project) =>
        [.. XDocument.Load(Path.Combine(Root().FullName, "src", project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))];

    [Theory]
    [InlineData("Gnbv.Domain")]
    [InlineData("Gnbv.Data")]
    [InlineData("Gnbv.Data.Sqlite")]
    [InlineData("Gnbv.Data.Postgres")]
    [InlineData("Gnbv.Reports")]
    [InlineData("Gnbv.Web")]
    [InlineData("Gnbv.Cli")]
    public void ProductProject_ReferencesNoToolOrTestProject(string project)
    {
        var references = ProjectReferences(project);
        references.ShouldNotContain(r => NotShipped.Contains(r) || r.EndsWith("Tests", StringComparison.Ordinal), string.Join(", ", references));
    }

    [Fact]
    public void WebAndCli_DoNotReferenceEachOther()
    {
        ProjectReferences("Gnbv.Cli").ShouldNotContain("Gnbv.Web");
        ProjectReferences("Gnbv.Web").ShouldNotContain("Gnbv.Cli");
        var cli = typeof(Gnbv.Cli.CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        var web = typeof(Gnbv.Web.Infrastructure.Startup).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        cli.ShouldNotContain("Gnbv.Web");
        web.ShouldNotContain("gnbv");
        foreach (var name in NotShipped)
        {
            cli.ShouldNotContain(name);
            web.ShouldNotContain(name);
        }
    }

    [Fact]
    public void ShippedAssemblies_HoldNoGeneratorBenchOrFuzzer()
    {
        Assembly[] shipped = [typeof(Gnbv.Cli.CliApp).Assembly, typeof(Gnbv.Web.Infrastructure.Startup).Assembly, typeof(Gnbv.Data.Database.AppDbContext).Assembly];
        var names = shipped.SelectMany(a => a.GetTypes()).Select(t => t.Name).ToHashSet();
        foreach (var tool in new[] { "NationalGenerator", "NationalData", "HouseholdGenerator", "DemoHouseholds", "ImportFuzzer", "FuzzCommand", "BenchCommand", "ApiLoad" })
            names.ShouldNotContain(tool);
    }
}
