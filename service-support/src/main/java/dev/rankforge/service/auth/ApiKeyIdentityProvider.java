package dev.rankforge.service.auth;

import dev.rankforge.service.team.TeamScope;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a verified API key into an identity: the key's name, its roles (with those they imply) and its team. The
 * bootstrap admin key sees the whole fleet; the services' own key acts for the team a request names in
 * {@link dev.rankforge.service.team.Teams#HEADER}, or, naming none, for the whole fleet.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {
    private final ApiKeyStore keys;

    public ApiKeyIdentityProvider(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Caller caller = keys.verify(request.key())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.name()))
                    .addRoles(Roles.withImplied(caller.roles()));
            String actingFor = request.actingFor();
            if (caller.reach() == Caller.Reach.SERVICE && actingFor != null && !actingFor.isBlank()) {
                identity.addAttribute(Caller.TEAM_ATTRIBUTE, actingFor.trim());
            } else {
                identity.addAttribute(Caller.TEAM_ATTRIBUTE, caller.team());
                if (caller.reach() != Caller.Reach.TEAM) {
                    identity.addAttribute(TeamScope.FLEET_ATTRIBUTE, Boolean.TRUE);
                }
            }
            return identity.build();
        });
    }
}
