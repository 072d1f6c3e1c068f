package dev.rankforge.service.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds this service's key ({@code RANKFORGE_AUTH_SERVICE_KEY}) to its calls of other services' APIs; register it on
 * every REST client with {@code @RegisterClientHeaders(ServiceKeyHeaders.class)}.
 */
@ApplicationScoped
public class ServiceKeyHeaders implements ClientHeadersFactory {
    private final AuthConfig config;

    public ServiceKeyHeaders(AuthConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        config.serviceKey().filter(k -> !k.isBlank()).ifPresent(k -> headers.add(ApiKeyAuthentication.HEADER, k));
        return headers;
    }
}
