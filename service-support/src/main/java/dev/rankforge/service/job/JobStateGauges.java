package dev.rankforge.service.job;

import dev.rankforge.contracts.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Gauges {@code rankforge_jobs{type, state}}: how many of a service's jobs (any entity with a {@link JobStatus}
 * {@code status}: job rows, experiments, their steps) are in each state, so /q/metrics (and an
 * autoscaler reading it) sees queued and running work. Counted in the database every few seconds on a thread of its
 * own, never on the scrape: a scrape reads the last count and cannot block on PostgreSQL.
 */
public final class JobStateGauges implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobStateGauges.class);

    private final Class<? extends PanacheEntityBase> entity;
    private final String type;
    private final ScheduledExecutorService refresher;
    private volatile Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);

    /**
     * @param type  the tag telling one service's jobs from another's ({@code training}, {@code attack})
     * @param every how often the counts are refreshed
     */
    public JobStateGauges(MeterRegistry registry, Class<? extends PanacheEntityBase> entity, String type,
                          Duration every) {
        this.entity = entity;
        this.type = type;
        for (JobStatus state : JobStatus.values()) {
            Gauge.builder("rankforge.jobs", this, g -> g.counts.getOrDefault(state, 0L))
                    .description("jobs of this service by state").tag("type", type).tag("state", state.name())
                    .register(registry);
        }
        this.refresher = dev.rankforge.service.WorkerPool.scheduler("job-gauges-" + type);
        refresher.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager(entity)
                    .createQuery("select j.status, count(j) from " + entity.getSimpleName() + " j group by j.status",
                            Object[].class).getResultList());
            Map<JobStatus, Long> fresh = new EnumMap<>(JobStatus.class);
            for (Object[] row : rows) {
                fresh.put((JobStatus) row[0], (Long) row[1]);
            }
            counts = fresh;
        } catch (RuntimeException e) {
            LOG.warnf("counting %s jobs by state failed (the gauges keep the last counts): %s", type, e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
