package org.parallax.app.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Regression: during a PostgreSQL restart (bench/reliability/db-restart.sh) requests in flight failed with
 * SQLState 57P01 "terminating connection due to administrator command", which Hibernate wraps in a
 * GenericJDBCException; they were answered 500 "unexpected error" instead of 503.
 */
class DatabaseOutageTests {

    @Test
    void administratorShutdownOfTheServerIsAnOutage() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        assertTrue(ErrorPages.isDatabaseOutage(new GenericJDBCException("JDBC exception executing SQL", terminated)));
    }

    @Test
    void aServerStillStartingUpIsAnOutage() {
        SQLException starting = new SQLException("FATAL: the database system is starting up", "57P03");
        assertTrue(ErrorPages.isDatabaseOutage(new RuntimeException(starting)));
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertTrue(ErrorPages.isDatabaseOutage(new RuntimeException(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
    }

    /** Regression: the connection was killed while the transaction committed (seen on /stories/3). */
    @Test
    void aConnectionLostDuringCommitIsAnOutage() {
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        jakarta.transaction.RollbackException rollback =
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(ErrorPages.isDatabaseOutage(new io.quarkus.arc.ArcUndeclaredThrowableException(
                "Error invoking subclass method", rollback)));
    }

    /** Regression (load harness, 100 users): an exhausted pool was answered 500. */
    @Test
    void anExhaustedPoolIsAnOutage() {
        assertTrue(ErrorPages.isDatabaseOutage(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aFailingStatementIsNotAnOutage() {
        assertFalse(ErrorPages.isDatabaseOutage(new GenericJDBCException("bad",
                new PSQLException("syntax error", PSQLState.SYNTAX_ERROR))));
        assertFalse(ErrorPages.isDatabaseOutage(new IllegalStateException("no database involved")));
    }
}
