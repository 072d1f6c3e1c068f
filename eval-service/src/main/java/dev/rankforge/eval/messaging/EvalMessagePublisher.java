package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.outbox.KeyedMessages;
import dev.rankforge.service.outbox.Outbox;
import dev.rankforge.service.outbox.OutboxRelay;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything eval-service sends: experiment steps' requests to other services (acknowledged before the step counts
 * as started, and sent again by recovery after a crash, the services being idempotent on the job id), and its
 * evaluation jobs' events (through the transactional outbox).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class EvalMessagePublisher {
    private static final int SEND_TIMEOUT_SECONDS = 30;

    @Channel(Channels.TRAINING_REQUESTS)
    Emitter<TrainingRequest> trainingRequests;
    @Channel(Channels.ATTACK_REQUESTS)
    Emitter<AttackRequest> attackRequests;
    @Channel(Channels.EVAL_EVENTS)
    Emitter<EvalEvent> evalEvents;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;

    @PostConstruct
    void route() {
        relay.route(Channels.EVAL_EVENTS, evalEvents, EvalEvent.class);
    }

    /** Sends a step's request and waits for the broker's acknowledgement, so a lost send fails the step. */
    public void send(TrainingRequest r) {
        await(KeyedMessages.send(trainingRequests, r), "training request", r.jobId());
    }

    /** As {@link #send(TrainingRequest)}. */
    public void send(AttackRequest r) {
        await(KeyedMessages.send(attackRequests, r), "attack request", r.jobId());
    }

    /** Through the transactional outbox: called in a transaction, the event commits with it. */
    public void send(EvalEvent e) {
        outbox.add(Channels.EVAL_EVENTS, e);
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
}
