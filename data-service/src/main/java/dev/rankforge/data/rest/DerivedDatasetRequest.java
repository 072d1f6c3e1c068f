package dev.rankforge.data.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /datasets/{id}/derived}: fake user profiles (item sequences in the base version's dense
 * ids, oldest first, at least 3 items each) appended to a copy of the base version.
 */
public record DerivedDatasetRequest(@NotBlank @Size(max = 200) String name,
                                    @NotNull @NotEmpty @Size(max = 100_000)
                                    List<@NotNull @Size(min = 3) List<@NotNull Integer>> profiles) {
}
