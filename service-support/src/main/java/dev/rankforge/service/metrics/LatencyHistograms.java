package dev.rankforge.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Histogram buckets for the latencies an operator sets objectives on — HTTP requests served (the black-box API's
 * p99) and every {@code rankforge.*} timer (black-box queries, epochs) — so Prometheus can compute any quantile
 * across replicas with {@code histogram_quantile}.
 */
@Singleton
public class LatencyHistograms {
    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                boolean wanted = id.getName().equals("http.server.requests") || id.getName().startsWith("rankforge.");
                if (!wanted) {
                    return config;
                }
                DistributionStatisticConfig.Builder histogram = DistributionStatisticConfig.builder()
                        .percentilesHistogram(true);
                if (id.getName().equals("rankforge.training.epochs")) {
                    // Epochs take minutes to hours: beyond the 30 s default top bucket.
                    histogram.maximumExpectedValue((double) java.time.Duration.ofHours(6).toNanos());
                }
                return histogram.build().merge(config);
            }
        };
    }
}
