package org.parallax.app.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/** Text PostgreSQL cannot hold is the request's fault (400), whatever path let it reach a statement. */
class UnstorableTextTests {

    @Test
    void aNulByteOrAnUntranslatableCharacterIsRecognisedThroughTheWrappers() {
        SQLException nul = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(ErrorPages.isUnstorableText(new DataException("JDBC exception executing SQL", nul)));
        assertTrue(ErrorPages.isUnstorableText(new RuntimeException(new SQLException("untranslatable", "22P05"))));
    }

    @Test
    void otherDataErrorsAreNot() {
        assertFalse(ErrorPages.isUnstorableText(new DataException("value too long", new SQLException("too long", "22001"))));
        assertFalse(ErrorPages.isUnstorableText(new IllegalStateException("no SQL at all")));
    }
}
