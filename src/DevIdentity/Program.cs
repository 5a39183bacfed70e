using Haven.DevIdentity.Apis;
using Haven.DevIdentity.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDevIdentity();

var app = builder.Build();

app.UseInstitutionIssuers();

app.MapDefaultEndpoints();
app.MapAuthorizationApi();

app.Run();
