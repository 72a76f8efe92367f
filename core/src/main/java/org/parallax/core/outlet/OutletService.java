package org.parallax.core.outlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutletService {

    private final EntityManager em;

    public OutletService(EntityManager em) {
        this.em = em;
    }

    /**
     * The outlet with this name, created if it is new. Concurrent ingests may meet the same new outlet,
     * so the insert tolerates the other one winning.
     */
    public Outlet findOrCreate(String name, String domain) {
        em.createNativeQuery("insert into outlet (name, domain) values (?1, ?2) on conflict do nothing")
                .setParameter(1, name)
                .setParameter(2, domain != null && Outlet.findByDomain(domain).isEmpty() ? domain : null)
                .executeUpdate();
        return Outlet.findByName(name).orElseThrow();
    }
}
