using ChatApp.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

return options.Idle > 0 ? await new IdleRun(options).RunAsync() : await new LoadRun(options).RunAsync();
