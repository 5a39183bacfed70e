using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options);
