using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Data;

public sealed class PeerSupportDbContext(DbContextOptions<PeerSupportDbContext> options) : DbContext(options);
