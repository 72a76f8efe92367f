package org.parallax.core.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Slows down password guessing, per account and per client address. Kept in PostgreSQL so that every
 * replica sees the same counts. An account locks after {@link #ACCOUNT_ATTEMPTS} attempts without a
 * success inside the window; an address after {@link #ADDRESS_ATTEMPTS}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {

    public static final int ACCOUNT_ATTEMPTS = 5;
    public static final int ADDRESS_ATTEMPTS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final EntityManager em;

    public LoginThrottle(EntityManager em) {
        this.em = em;
    }

    /** True when this login must be refused without even checking the password. */
    public boolean isLocked(String username, String address) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("select 1 from login_throttle where subject in (:user, :ip) "
                        + "and locked_until > now()")
                .setParameter("user", "user:" + Accounts.normalizeUsername(username))
                .setParameter("ip", "ip:" + address)
                .getResultList();
        return !locked.isEmpty();
    }

    /** True when the account itself is locked, whatever the address. */
    public boolean isAccountLocked(String username) {
        return !em.createNativeQuery("select 1 from login_throttle where subject = :user and locked_until > now()")
                .setParameter("user", "user:" + Accounts.normalizeUsername(username))
                .getResultList().isEmpty();
    }

    /**
     * Counts a wrong password given by someone already logged in (changing their password) against the
     * account only: the address limit is against one address guessing across many accounts, which a
     * session cannot do, and colleagues behind one address must not be locked out by it.
     */
    public void accountAttempt(String username) {
        count("user:" + Accounts.normalizeUsername(username), ACCOUNT_ATTEMPTS);
    }

    /** Lifts an account's lock and count, when an administrator has given it a new password. */
    public void unlockAccount(String username) {
        em.createNativeQuery("delete from login_throttle where subject = :user")
                .setParameter("user", "user:" + Accounts.normalizeUsername(username))
                .executeUpdate();
    }

    /** Counts one attempt for the account and the address; locks either once it reaches its limit. */
    public void attempt(String username, String address) {
        count("user:" + Accounts.normalizeUsername(username), ACCOUNT_ATTEMPTS);
        count("ip:" + address, ADDRESS_ATTEMPTS);
    }

    /**
     * A correct password clears the account's count and takes back this attempt from the address's count:
     * the address limit is against guessing, and the people behind one office or campus address who log in
     * successfully must not lock each other out. The address keeps the count of its failures.
     */
    public void succeeded(String username, String address) {
        em.createNativeQuery("delete from login_throttle where subject = :user")
                .setParameter("user", "user:" + Accounts.normalizeUsername(username))
                .executeUpdate();
        em.createNativeQuery("""
                        update login_throttle set attempts = greatest(attempts - 1, 0),
                          locked_until = case when attempts - 1 < :limit then null else locked_until end
                        where subject = :ip""")
                .setParameter("ip", "ip:" + address)
                .setParameter("limit", ADDRESS_ATTEMPTS)
                .executeUpdate();
    }

    private void count(String subject, int limit) {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        em.createNativeQuery("""
                insert into login_throttle as t (subject, attempts, window_start) values (:subject, 1, :now)
                on conflict (subject) do update set
                  attempts = case when t.window_start < :windowStart then 1 else t.attempts + 1 end,
                  window_start = case when t.window_start < :windowStart then :now else t.window_start end,
                  locked_until = case
                      when t.window_start >= :windowStart and t.attempts + 1 >= :limit then :lockedUntil
                      else t.locked_until end
                """)
                .setParameter("subject", subject)
                .setParameter("now", now)
                .setParameter("windowStart", now.minus(WINDOW))
                .setParameter("limit", limit)
                .setParameter("lockedUntil", now.plus(WINDOW))
                .executeUpdate();
    }
}
