package org.parallax.app.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.parallax.core.user.AppUser;

/**
 * Restores the identity from the encrypted session cookie on each request. Roles are read from the
 * database every time, so a demotion or a deleted account takes effect at the next request rather than
 * when the cookie expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String roles = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(request.getPrincipal())
                    .map(u -> u.roles).orElse(null));
            if (roles == null) {
                throw new AuthenticationFailedException("account no longer exists");
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(request.getPrincipal()));
            for (String role : roles.split(",")) {
                identity.addRole(role.strip());
            }
            return identity.build();
        });
    }
}
