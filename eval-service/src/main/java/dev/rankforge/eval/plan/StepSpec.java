package dev.rankforge.eval.plan;

import java.util.List;

/** The typed settings of one step kind, read from the plan; it names the earlier steps it reads. */
public interface StepSpec {
    /** The steps whose outputs this step needs; it starts once all of them have succeeded. */
    List<StepInput> inputs();
}
