package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.eval.service.ExperimentScheduler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the events of the services that run experiment steps (training, attack) to the scheduler; acknowledged
 * once the step's state is committed, so a crash before that redelivers the event. An event that fails to apply
 * is logged and skipped.
 */
@ApplicationScoped
public class StepEventConsumer {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StepEventConsumer.class);
    private final ExperimentScheduler scheduler;

    public StepEventConsumer(ExperimentScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Incoming(Channels.TRAINING_EVENTS)
    @Blocking
    public void onTraining(TrainingEvent event) {
        deliver(event.jobId(), event);
    }

    @Incoming(Channels.ATTACK_EVENTS)
    @Blocking
    public void onAttack(AttackEvent event) {
        deliver(event.jobId(), event);
    }

    /** One event that cannot be applied must not stop the channel for every other experiment. */
    private void deliver(java.util.UUID jobId, Object event) {
        try {
            scheduler.onEvent(jobId, event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "event of job %s could not be applied: %s", jobId, event);
        }
    }
}
