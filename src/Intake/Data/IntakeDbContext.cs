using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options);
