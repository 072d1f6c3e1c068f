package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/** Everything eval-service sends: experiment steps' requests to other services, and its evaluation jobs' events. */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);

    @Channel(Channels.TRAINING_REQUESTS)
    Emitter<TrainingRequest> trainingRequests;
    @Channel(Channels.ATTACK_REQUESTS)
    Emitter<AttackRequest> attackRequests;
    @Channel(Channels.EVAL_EVENTS)
    Emitter<EvalEvent> evalEvents;

    public void send(TrainingRequest r) {
        log(trainingRequests.send(r), "training request", r.jobId());
    }

    public void send(AttackRequest r) {
        log(attackRequests.send(r), "attack request", r.jobId());
    }

    public void send(EvalEvent e) {
        log(evalEvents.send(e), "evaluation event", e.jobId());
    }

    private static void log(CompletionStage<Void> sent, String what, UUID jobId) {
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "could not publish %s for job %s", what, jobId);
            }
        });
    }
}
