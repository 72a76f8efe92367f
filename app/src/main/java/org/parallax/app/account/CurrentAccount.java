package org.parallax.app.account;

import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is reading, for templates: {@code {inject:account.loggedIn}}, {@code {inject:account.name}}. */
@Named("account")
@RequestScoped
public class CurrentAccount {

    private final SecurityIdentity identity;
    private Boolean anonymous;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isLoggedIn() {
        if (anonymous == null) {
            try {
                anonymous = identity.isAnonymous();
            } catch (BlockingOperationNotAllowedException e) {
                // Error pages rendered on the I/O thread after a failed authentication cannot resolve the
                // identity without blocking; they are shown as to an anonymous reader.
                anonymous = true;
            }
        }
        return !anonymous;
    }

    public String getName() {
        return isLoggedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean isEditor() {
        return isLoggedIn() && identity.hasRole("editor");
    }

    public boolean isAdmin() {
        return isLoggedIn() && identity.hasRole("admin");
    }
}
