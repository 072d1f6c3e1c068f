package dev.rankforge.trainer.rest;

import java.util.List;
import java.util.UUID;

/** A black-box answer: ranked item ids only, best first, never scores. */
public record RankedItems(UUID modelId, List<Integer> items) {
}
