package dev.rankforge.data.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /datasets}: a synthetic dataset to generate. Absent optional fields take the defaults
 * documented on each field.
 */
public record SyntheticDatasetRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(10) Integer users,
        @NotNull @Min(10) Integer items,
        /** Mean sequence length; default 20. */
        @Min(5) Integer meanLength,
        /** Popularity power-law exponent; default 1.0. */
        @DecimalMin("0.0") @DecimalMax("3.0") Double zipfExponent,
        /** Probability that the next item follows the previous one's preferred successors; default 0.7. */
        @DecimalMin("0.0") @DecimalMax("1.0") Double sequentialStrength,
        /** Generator seed; default 42. */
        Long seed) {
}
