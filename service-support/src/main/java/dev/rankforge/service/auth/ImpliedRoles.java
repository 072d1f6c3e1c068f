package dev.rankforge.service.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every authenticated identity the roles its roles imply ({@link Roles#withImplied}), whichever mechanism
 * authenticated it (API keys already carry them; tokens from an OIDC issuer get them here).
 */
@ApplicationScoped
public class ImpliedRoles implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getRoles().containsAll(Roles.withImplied(identity.getRoles()))) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRoles(Roles.withImplied(identity.getRoles())).build());
    }
}
