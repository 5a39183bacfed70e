namespace Haven.Messaging.Tests;

public sealed record ReportFiled(Guid ReportId);

public sealed record RecordEffect(Guid Key);

public sealed record CounterIncremented(Guid CounterId);

public sealed record ReminderOpened(Guid ReminderId, DateTime DueAt);

public sealed record ReminderClosed(Guid ReminderId);

public sealed record ReminderDue(Guid ReminderId);

public sealed record Ping(Guid Key);

public sealed record FlakyCommand(Guid Key, int FailuresBeforeSuccess);

public sealed record BrokenCommand(Guid Key);
