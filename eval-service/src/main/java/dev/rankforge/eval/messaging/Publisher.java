package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/** Everything eval-service sends: experiment steps' requests to other services, and its evaluation jobs' events. */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);
    private static final int SEND_TIMEOUT_SECONDS = 30;

    @Channel(Channels.TRAINING_REQUESTS)
    Emitter<TrainingRequest> trainingRequests;
    @Channel(Channels.ATTACK_REQUESTS)
    Emitter<AttackRequest> attackRequests;
    @Channel(Channels.EVAL_EVENTS)
    Emitter<EvalEvent> evalEvents;

    /** Sends a step's request and waits for the broker's acknowledgement, so a lost send fails the step. */
    public void send(TrainingRequest r) {
        await(trainingRequests.send(r), "training request", r.jobId());
    }

    /** As {@link #send(TrainingRequest)}. */
    public void send(AttackRequest r) {
        await(attackRequests.send(r), "attack request", r.jobId());
    }

    public void send(EvalEvent e) {
        log(evalEvents.send(e), "evaluation event", e.jobId());
    }

    private static void await(CompletionStage<Void> sent, String what, UUID jobId) {
        try {
            sent.toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the " + what + " for job " + jobId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send the " + what + " for job " + jobId + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private static void log(CompletionStage<Void> sent, String what, UUID jobId) {
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "could not publish %s for job %s", what, jobId);
            }
        });
    }
}
