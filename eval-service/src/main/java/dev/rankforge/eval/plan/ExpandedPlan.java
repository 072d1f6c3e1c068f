package dev.rankforge.eval.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A validated plan and its step instances in an order where every input comes before its readers. */
public record ExpandedPlan(String name, JsonNode plan, List<StepInstance> steps) {
}
