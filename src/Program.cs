using CaseRecord.Cli;

return new CommandLine(Console.Out, Console.Error).Run(args);
