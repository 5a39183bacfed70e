using Microsoft.EntityFrameworkCore;

namespace Haven.Escalation.Data;

public sealed class EscalationDbContext(DbContextOptions<EscalationDbContext> options) : DbContext(options);
