package dev.rankforge.service.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented in {@link ApiKeyAuthentication#HEADER}, to be verified. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
