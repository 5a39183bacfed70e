using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Haven.Gateway;

// Stands in for Microsoft.Extensions.ServiceDiscovery.Yarp, which our feed lacks: a destination
// such as "http://intake" becomes one destination per endpoint that service discovery knows
// (services__intake__http__0, __1, ...), so YARP balances over all replicas.
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();

        foreach (var (id, destination) in destinations)
        {
            // Scheme and name together ("http://intake") select services:intake:http in configuration.
            var serviceName = new Uri(destination.Address).GetLeftPart(UriPartial.Authority);
            var source = await resolver.GetEndpointsAsync(serviceName, cancellationToken);
            changeTokens.Add(source.ChangeToken);

            for (var i = 0; i < source.Endpoints.Count; i++)
            {
                var endPoint = source.Endpoints[i].EndPoint;
                resolved[$"{id}-{i}"] = destination with
                {
                    Address = Rebase(destination.Address, endPoint),
                    Health = destination.Health is null ? null : Rebase(destination.Health, endPoint),
                };
            }
        }

        // YARP resolves again when this fires, e.g. when the configuration listing the replicas reloads.
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    // Only where to connect comes from discovery; the configured path and query stay.
    private static string Rebase(string address, EndPoint endPoint)
    {
        var builder = new UriBuilder(address);
        switch (endPoint)
        {
            case UriEndPoint { Uri: var uri }:
                builder.Scheme = uri.Scheme;
                builder.Host = uri.Host;
                builder.Port = uri.Port;
                break;
            case IPEndPoint ip:
                builder.Host = ip.Address.ToString();
                builder.Port = ip.Port > 0 ? ip.Port : -1;
                break;
            case DnsEndPoint dns:
                builder.Host = dns.Host;
                builder.Port = dns.Port > 0 ? dns.Port : -1;
                break;
            default:
                throw new InvalidOperationException($"Cannot forward to a {endPoint.GetType().Name} ('{endPoint}').");
        }

        return builder.Uri.ToString();
    }
}
