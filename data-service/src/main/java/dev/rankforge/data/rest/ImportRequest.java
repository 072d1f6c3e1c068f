package dev.rankforge.data.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /datasets/import}: a file already on the server, under the configured import root.
 *
 * @param path relative to the import root; paths that leave it are refused
 */
public record ImportRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String path,
                            IngestOptions options) {
}
