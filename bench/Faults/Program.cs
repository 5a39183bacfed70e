using Haven.Faults;

// The fault suite and the soak at full size, on the AppHost's graph (the CI-sized suite is tests/Faults.Tests).
//   dotnet run -c Release --project bench/Faults -- soak [--minutes 30] [--rate 10]
//   dotnet run -c Release --project bench/Faults -- faults [--seconds 60] [--rate 20] [--only broker,database,...] [--repeat 1]
var command = args.FirstOrDefault() ?? "soak";
double Option(string name, double otherwise) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : otherwise;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
Console.WriteLine("Starting the platform (two replicas of every consuming service)...");
await using var stack = await FaultStack.StartAsync(FaultStackOptions.Ci, cancel.Token);
using var admin = await BrokerAdmin.CreateAsync(stack);

switch (command)
{
    case "soak":
        var minutes = Option("minutes", 30);
        var rate = Option("rate", 10);
        Console.WriteLine($"Soak: {rate} reports/s for {minutes} min");
        var row = await new Soak(stack, admin).RunAsync(rate, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(Math.Min(60, minutes * 60 / 10)),
            Console.Out, cancel.Token);
        var parked = await admin.ParkedAsync(cancel.Token);
        Console.WriteLine(FaultRow.Table([row]));
        Console.WriteLine($"parked in error/skipped queues: {parked.Count}");
        row.Problems.Concat(parked.Select(p => $"{p.Queue}: {p.MessageId} {p.Reason}")).ToList().ForEach(p => Console.WriteLine("  " + p));
        return row.Lost == 0 && row.Duplicated == 0 && parked.Count == 0 ? 0 : 1;
    case "faults":
        var runner = new FaultRunner(stack, admin, LoadProfile.Ci with
        {
            ReportsPerSecond = Option("rate", 20), Duration = TimeSpan.FromSeconds(Option("seconds", 60)),
        });
        var rows = new List<FaultRow>();
        var clean = true;
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1].Split(',') : null;
        var repeat = (int)Option("repeat", 1);
        foreach (var fault in Fault.All.Where(f => only is null || only.Any(part => f.Name.Contains(part, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(f => Enumerable.Repeat(f, repeat)))
        {
            Console.WriteLine($"Fault: {fault.Name}");
            try
            {
                var outcome = await runner.RunAsync(fault, cancel.Token);
                Console.WriteLine(outcome.Describe());
                rows.Add(outcome.Row);
                clean &= outcome.Row.Lost == 0 && outcome.Row.Duplicated == 0 && outcome.Parked.Count == 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // The platform did not come back (or the checker could not read it): the next faults still say something.
                Console.WriteLine($"{fault.Name}: {e.GetType().Name}: {e.Message}");
                rows.Add(new FaultRow(fault.Name, 0, 0, 0, 0, [e.Message]));
                clean = false;
            }
        }
        Console.WriteLine(FaultRow.Table(rows));
        return clean ? 0 : 1;
    default:
        Console.Error.WriteLine("Usage: soak [--minutes 30] [--rate 10] | faults [--seconds 60] [--rate 20] [--only part-of-a-name,...] [--repeat n]");
        return 2;
}
