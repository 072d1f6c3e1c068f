package dev.rankforge.contracts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * How an attack chooses and injects items. Absent values take defaults.
 *
 * @param chooser         {@code random}, {@code popular}, {@code co-visitation} (reads the training data),
 *                        {@code gradient}, {@code gradient-paper} or {@code cw} (the last three need a surrogate);
 *                        default {@code gradient} with a surrogate, else {@code popular} (pollution) or
 *                        {@code random} (poisoning)
 * @param slots           pollution: items injected per profile (default 2; the paper: 10 on ML-1M, 2 on short sequences)
 * @param maxUsers        real users attacked per target (default 500; 0 = all who have not seen the target)
 * @param targetCount     targets chosen when none are given (default 25, the paper's)
 * @param sampledProtocol also measure under 100 uniform negatives (default true; needs a victim that ranks
 *                        candidates, as our API does)
 * @param candidates      greedy candidates per slot for the surrogate choosers (default 10)
 * @param cwSteps         Adam steps of {@code cw} (default 50)
 * @param seed            seed of sampled negatives and random choices (default 42)
 * @param fraction        poisoning: fake users as a fraction of real users (default 0.01, the paper's)
 * @param profileLength   poisoning: items per fake profile (default the victim's maximum length)
 * @param retrain         poisoning: {@code scratch} (default: the victim's spec trained anew on clean and on
 *                        poisoned data) or {@code fine-tune} (both retrains start from the victim's weights)
 */
public record AttackParams(String chooser, @Min(1) @Max(50) Integer slots,
                           @Min(value = 0, message = "must not be negative (0 = every user)") Integer maxUsers,
                           @Min(1) @Max(1000) Integer targetCount, Boolean sampledProtocol,
                           @Min(1) @Max(100) Integer candidates, @Min(1) @Max(1000) Integer cwSteps, Long seed,
                           @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5") Double fraction,
                           @Min(2) @Max(1000) Integer profileLength,
                           @Pattern(regexp = "scratch|fine-tune", message = "must be 'scratch' or 'fine-tune'")
                           String retrain) {
}
