package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.eval.service.ExperimentOrchestrator;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the events of experiment steps (training, evaluation, attack) to the orchestrator. */
@ApplicationScoped
public class StepEventConsumer {
    private final ExperimentOrchestrator orchestrator;

    public StepEventConsumer(ExperimentOrchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Incoming(Channels.TRAINING_EVENTS)
    @Blocking
    public void onTraining(TrainingEvent event) {
        orchestrator.onTrainingEvent(event);
    }

    @Incoming(Channels.EVAL_EVENTS_IN)
    @Blocking
    public void onEval(EvalEvent event) {
        orchestrator.onEvalEvent(event);
    }

    @Incoming(Channels.ATTACK_EVENTS)
    @Blocking
    public void onAttack(AttackEvent event) {
        orchestrator.onAttackEvent(event);
    }
}
