package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.eval.service.ExperimentScheduler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the events of the services that run experiment steps (training, attack) to the scheduler; acknowledged
 * once the step's state is committed, so a crash before that redelivers the event.
 */
@ApplicationScoped
public class StepEventConsumer {
    private final ExperimentScheduler scheduler;

    public StepEventConsumer(ExperimentScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Incoming(Channels.TRAINING_EVENTS)
    @Blocking
    public void onTraining(TrainingEvent event) {
        scheduler.onEvent(event.jobId(), event);
    }

    @Incoming(Channels.ATTACK_EVENTS)
    @Blocking
    public void onAttack(AttackEvent event) {
        scheduler.onEvent(event.jobId(), event);
    }
}
