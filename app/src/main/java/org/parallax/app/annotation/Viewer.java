package org.parallax.app.annotation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.parallax.core.user.AppUser;

/** The logged-in user's database id, looked up once per request. */
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    private Long id;
    private boolean resolved;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user's id, or null for a visitor who is not logged in. */
    public Long idOrNull() {
        if (!resolved) {
            resolved = true;
            if (!identity.isAnonymous()) {
                String name = identity.getPrincipal().getName();
                id = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(name).map(u -> u.id)
                        .orElse(null));
            }
        }
        return id;
    }

    /** The user's id; not logged in is a 401 (API) or a redirect to the login page. */
    public long id() {
        Long viewer = idOrNull();
        if (viewer == null) {
            throw new UnauthorizedException();
        }
        return viewer;
    }

    public String name() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
