package dev.rankforge.service.auth;

import dev.rankforge.service.team.Teams;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads a management API key from {@code X-Rankforge-Key}; a request without one stays anonymous (and is refused
 * with 401 by any endpoint that needs a role). Kept apart from the black-box API's {@code X-Api-Key}, whose keys
 * carry query budgets, not roles.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {
    public static final String HEADER = "X-Rankforge-Key";
    /** The {@code WWW-Authenticate} value of a 401: which header to send a key in. */
    public static final String CHALLENGE = "ApiKey header=\"" + HEADER + "\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = context.request().getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key.trim(),
                context.request().getHeader(Teams.HEADER)),
                context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}
