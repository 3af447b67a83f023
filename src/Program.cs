using CaseRecord.Cli;

var rc = new CommandLine(Console.Out, Console.Error).Run(args);
if (Environment.GetEnvironmentVariable("CR_GCSTATS") is not null)
    Console.Error.WriteLine($"GCSTATS pause {GC.GetTotalPauseDuration().TotalSeconds:F2}s gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)} alloc {GC.GetTotalAllocatedBytes() / 1e9:F1}GB");
return rc;
