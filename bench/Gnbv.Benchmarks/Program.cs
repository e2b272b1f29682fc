using BenchmarkDotNet.Running;

// Micro benchmarks of the pure parts (no database). All of them:
//   dotnet run -c Release --project bench/Gnbv.Benchmarks -- --filter '*'
// Quick look (fewer iterations, a few minutes): add `--job short`; smoke check: `--job dry`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
