package dev.rankforge.service.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * A transaction of background work (a job's progress, a consumed event) that waits out a database outage — a
 * restart or a failover — instead of failing the job: while the database cannot be reached the transaction is
 * retried from the start, with backoff, for up to {@link #PATIENCE}. Any other failure, and an outage longer than
 * that, is thrown at once as before. Request handlers do not use it: a caller is better answered quickly.
 * A connection lost during the commit itself leaves it unknown whether the transaction committed; it is retried
 * too, so the work must tolerate running twice (outbox messages are absorbed by idempotent consumers; a transition
 * already made is found made).
 */
public final class RetryingTransaction {
    /** How long background work waits for the database to come back. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(RetryingTransaction.class);

    private RetryingTransaction() {
    }

    /** Runs {@code work} in a new transaction, again while the database is unreachable. */
    public static <T> T call(Callable<T> work) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long backoffMs = 250;
        boolean logged = false;
        while (true) {
            try {
                T result = QuarkusTransaction.requiringNew().call(work);
                if (logged) {
                    LOG.info("the database is reachable again; background work goes on");
                }
                return result;
            } catch (RuntimeException e) {
                if (!isUnreachableDatabase(e) || System.nanoTime() + backoffMs * 1_000_000 > deadline) {
                    throw e;
                }
                if (!logged) {
                    LOG.warnf("the database cannot be reached (%s); retrying for up to %s", rootMessage(e), PATIENCE);
                    logged = true;
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    /** As {@link #call(Callable)}, for work without a result. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Whether {@code e} says the database could not be reached or dropped the connection (SQL state class 08, or
     * 57P01–57P03: the server shutting down or starting), as opposed to a failure of the work itself.
     */
    static boolean isUnreachableDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
