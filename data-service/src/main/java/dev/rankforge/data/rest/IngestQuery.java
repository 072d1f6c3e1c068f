package dev.rankforge.data.rest;

import jakarta.ws.rs.QueryParam;

/** {@link IngestOptions} as the query parameters of an upload. */
public class IngestQuery {
    @QueryParam("format")
    public String format;
    @QueryParam("onMalformed")
    public String onMalformed;
    @QueryParam("ratingThreshold")
    public Double ratingThreshold;
    @QueryParam("minUserInteractions")
    public Integer minUserInteractions;
    @QueryParam("minItemInteractions")
    public Integer minItemInteractions;
    @QueryParam("kCore")
    public Boolean kCore;
    @QueryParam("keepDuplicates")
    public Boolean keepDuplicates;
    @QueryParam("maxLength")
    public Integer maxLength;
    @QueryParam("delimiter")
    public String delimiter;
    @QueryParam("header")
    public Boolean header;
    @QueryParam("userColumn")
    public Integer userColumn;
    @QueryParam("itemColumn")
    public Integer itemColumn;
    @QueryParam("ratingColumn")
    public Integer ratingColumn;
    @QueryParam("timestampColumn")
    public Integer timestampColumn;

    IngestOptions options() {
        return new IngestOptions(format, onMalformed, ratingThreshold, minUserInteractions, minItemInteractions, kCore,
                keepDuplicates, maxLength, delimiter, header, userColumn, itemColumn, ratingColumn, timestampColumn);
    }
}
