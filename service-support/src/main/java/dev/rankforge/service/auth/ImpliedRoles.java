package dev.rankforge.service.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives every authenticated identity the roles its roles imply ({@link Roles#withImplied}), whichever mechanism
 * authenticated it, and an identity from an OIDC bearer token its team (the token's {@link AuthConfig#teamClaim()}
 * claim; API keys carry theirs already).
 */
@ApplicationScoped
public class ImpliedRoles implements SecurityIdentityAugmentor {
    private final AuthConfig config;

    public ImpliedRoles(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addRoles(Roles.withImplied(identity.getRoles()));
        if (identity.getAttribute(Caller.TEAM_ATTRIBUTE) == null
                && identity.getPrincipal() instanceof JsonWebToken token) {
            Object team = token.getClaim(config.teamClaim());
            if (team != null) {
                builder.addAttribute(Caller.TEAM_ATTRIBUTE, String.valueOf(team).replace("\"", ""));
            }
        }
        return Uni.createFrom().item(builder.build());
    }
}
