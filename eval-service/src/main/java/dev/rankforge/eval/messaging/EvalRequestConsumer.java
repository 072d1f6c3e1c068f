package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.eval.service.EvalJobService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Accepts evaluation requests; acknowledged once the job row is committed. Bad ones go to the DLQ. */
@ApplicationScoped
public class EvalRequestConsumer {
    private final EvalJobService jobs;

    public EvalRequestConsumer(EvalJobService jobs) {
        this.jobs = jobs;
    }

    @Incoming(Channels.EVAL_REQUESTS)
    @Blocking
    public void onRequest(EvalRequest request) {
        jobs.submit(request);
    }
}
