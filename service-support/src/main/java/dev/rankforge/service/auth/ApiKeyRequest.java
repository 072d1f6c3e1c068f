package dev.rankforge.service.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented in {@link ApiKeyAuthentication#HEADER}, to be verified. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {
    private final String key;
    private final String actingFor;

    /** @param actingFor the team named in {@link dev.rankforge.service.team.Teams#HEADER}, or null */
    public ApiKeyRequest(String key, String actingFor) {
        this.key = key;
        this.actingFor = actingFor;
    }

    /** The team a service's key acts for; honoured for the service key only. */
    public String actingFor() {
        return actingFor;
    }

    public String key() {
        return key;
    }
}
