package dev.rankforge.service.job;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The one answer shape of every job submission endpoint. */
public final class JobResponses {
    private JobResponses() {
    }

    /** 202 with the job's location when this request created it; 200 when the job id already existed. */
    public static Response submitted(boolean isNew, String location, Object view) {
        return isNew ? Response.accepted(view).location(URI.create(location)).build() : Response.ok(view).build();
    }
}
