package dev.rankforge.data.rest;

import dev.rankforge.data.config.DataServiceConfig;
import dev.rankforge.data.ingest.ColumnMapping;
import dev.rankforge.data.ingest.InputFormat;
import dev.rankforge.data.ingest.InteractionReader;
import dev.rankforge.data.ingest.PreprocessingSpec;
import dev.rankforge.service.problem.InvalidRequestException;
import java.util.Locale;

/** Turns {@link IngestOptions} into reader options and a preprocessing spec, defaults filled, fields checked. */
record IngestSettings(InteractionReader.Options reading, PreprocessingSpec preprocessing) {

    static IngestSettings resolve(IngestOptions o, String fileName, DataServiceConfig config) {
        IngestOptions in = o == null
                ? new IngestOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : o;
        InputFormat format = null;
        if (in.format() != null && !in.format().isBlank()) {
            try {
                format = InputFormat.named(in.format());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("format", "unknown format '" + in.format() + "'; known: "
                        + java.util.Arrays.toString(InputFormat.values()).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        InteractionReader.OnMalformed onMalformed;
        try {
            onMalformed = in.onMalformed() == null ? InteractionReader.OnMalformed.FAIL
                    : InteractionReader.OnMalformed.valueOf(in.onMalformed().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("onMalformed", "must be fail or skip");
        }
        ColumnMapping mapping = null;
        if (format == InputFormat.GENERIC) {
            try {
                String delimiter = in.delimiter() == null ? "," : in.delimiter().replace("\\t", "\t");
                mapping = new ColumnMapping(delimiter, Boolean.TRUE.equals(in.header()),
                        in.userColumn() == null ? 0 : in.userColumn(), in.itemColumn() == null ? 1 : in.itemColumn(),
                        in.ratingColumn() == null ? -1 : in.ratingColumn(),
                        in.timestampColumn() == null ? -1 : in.timestampColumn());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("userColumn", e.getMessage());
            }
        }
        PreprocessingSpec spec;
        try {
            spec = new PreprocessingSpec(in.ratingThreshold(),
                    in.minUserInteractions() == null ? config.minUserInteractions() : in.minUserInteractions(),
                    in.minItemInteractions() == null ? config.minItemInteractions() : in.minItemInteractions(),
                    Boolean.TRUE.equals(in.kCore()), Boolean.TRUE.equals(in.keepDuplicates()), in.maxLength());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage().startsWith("maxLength") ? "maxLength"
                    : "minUserInteractions", e.getMessage());
        }
        return new IngestSettings(new InteractionReader.Options(format, mapping, in.ratingThreshold(), onMalformed,
                fileName), spec);
    }
}
