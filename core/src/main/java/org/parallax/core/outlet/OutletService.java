package org.parallax.core.outlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutletService {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /**
     * Outlet ids by lower-case name. A batch ingest meets the same few outlets thousands of times; outlets
     * are never deleted, so an id once committed stays valid.
     */
    private final Map<String, Long> committedIds = new ConcurrentHashMap<>();

    public OutletService(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** The id of {@link #findOrCreate}'s outlet, without loading it once its id is known. */
    public long findOrCreateId(String name, String domain) {
        Long cached = committedIds.get(name.toLowerCase(Locale.ROOT));
        return cached != null ? cached : findOrCreate(name, domain).id;
    }

    /**
     * The outlet with this name, created if it is new. Concurrent ingests may meet the same new outlet,
     * so the insert tolerates the other one winning.
     */
    public Outlet findOrCreate(String name, String domain) {
        String key = name.toLowerCase(Locale.ROOT);
        Long cached = committedIds.get(key);
        if (cached != null) {
            return em.getReference(Outlet.class, cached);
        }
        em.createNativeQuery("insert into outlet (name, domain) values (?1, ?2) on conflict do nothing")
                .setParameter(1, name)
                .setParameter(2, domain != null && Outlet.findByDomain(domain).isEmpty() ? domain : null)
                .executeUpdate();
        Outlet outlet = Outlet.findByName(name).orElseThrow();
        long id = outlet.id;
        // Only remember the id once it is committed: a rolled-back insert must not leave a dangling id.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committedIds.put(key, id);
                }
            }
        });
        return outlet;
    }
}
