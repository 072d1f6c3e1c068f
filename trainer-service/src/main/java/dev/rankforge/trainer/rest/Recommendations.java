package dev.rankforge.trainer.rest;

import java.util.List;
import java.util.UUID;

/** Black-box answers: ranked item ids only, best first, never scores. One list per input history. */
public record Recommendations(UUID modelId, List<List<Integer>> items) {
}
