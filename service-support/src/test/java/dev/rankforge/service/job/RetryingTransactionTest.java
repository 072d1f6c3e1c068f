package dev.rankforge.service.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Only an unreachable database is waited out; a failure of the work itself is not retried. */
class RetryingTransactionTest {
    @Test
    void connectionFailuresAndAServerShuttingDownAreAnOutage() {
        assertThat(RetryingTransaction.isUnreachableDatabase(new RuntimeException("wrapped",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(RetryingTransaction.isUnreachableDatabase(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(RetryingTransaction.isUnreachableDatabase(new RuntimeException(
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
    }

    @Test
    void constraintViolationsAndOtherErrorsAreNot() {
        assertThat(RetryingTransaction.isUnreachableDatabase(new RuntimeException(
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(RetryingTransaction.isUnreachableDatabase(new IllegalArgumentException("bad"))).isFalse();
        assertThat(RetryingTransaction.isUnreachableDatabase(new SQLException("no state"))).isFalse();
    }
}
