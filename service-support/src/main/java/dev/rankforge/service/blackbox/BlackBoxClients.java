package dev.rankforge.service.blackbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens {@link HttpBlackBox} clients with this service's credentials, JSON mapper and meters: the one way to query. */
@ApplicationScoped
public class BlackBoxClients {
    private final Credentials credentials;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public BlackBoxClients(Credentials credentials, ObjectMapper json, MeterRegistry meters) {
        this.credentials = credentials;
        this.json = json;
        this.meters = meters;
    }

    /** A client for {@code target}; the caller closes it. */
    public HttpBlackBox open(BlackBoxEndpoint target) {
        return new HttpBlackBox(target, credentials, json, meters);
    }
}
