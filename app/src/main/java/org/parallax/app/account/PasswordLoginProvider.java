package org.parallax.app.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.parallax.core.user.Accounts;
import org.parallax.core.user.AccountsConfig;
import org.parallax.core.user.AppUser;
import org.parallax.core.user.LoginThrottle;
import org.parallax.core.user.PasswordHashing;

/**
 * Checks a username and password from the login form, with throttling in front: a locked account or
 * address is refused before the password is even looked at, and every attempt is counted. It runs
 * before the provider quarkus-security-jpa generates for the same request type (which is never reached
 * for form logins); sessions restored from the cookie still go through security-jpa's trusted provider.
 */
@ApplicationScoped
public class PasswordLoginProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordLoginProvider.class);
    private final LoginThrottle throttle;
    private final Accounts accounts;
    /**
     * A hash at the same cost as real ones: checking an unknown user's password against it takes as long
     * as a wrong password, so response times do not reveal which usernames exist.
     */
    private final String dummyHash;

    public PasswordLoginProvider(LoginThrottle throttle, AccountsConfig config, Accounts accounts) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.dummyHash = PasswordHashing.hash("parallax-timing-equaliser", config.bcryptCost());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request));
    }

    private SecurityIdentity check(UsernamePasswordAuthenticationRequest request) {
        String username = request.getUsername();
        String address = clientAddress(request);
        if (throttle.isLocked(username, address)) {
            LOG.infof("Login refused while throttled: account '%s' from %s", username, address);
            throw new AuthenticationFailedException("throttled");
        }
        throttle.attempt(username, address);
        String password = new String(request.getPassword().getPassword());
        Optional<AppUser> user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username)
                .map(u -> {
                    // Detach what is needed inside the transaction.
                    AppUser copy = new AppUser();
                    copy.username = u.username;
                    copy.passwordHash = u.passwordHash;
                    copy.passwordPrehashed = u.passwordPrehashed;
                    copy.roles = u.roles;
                    return copy;
                }));
        boolean matches = user.isPresent()
                ? PasswordHashing.matches(password, user.get().passwordHash, user.get().passwordPrehashed)
                : PasswordHashing.matches(password, dummyHash, true);
        if (user.isEmpty() || !matches) {
            throw new AuthenticationFailedException("wrong username or password");
        }
        if (!user.get().passwordPrehashed) {
            QuarkusTransaction.requiringNew().run(() -> accounts.upgradeHash(username, password));
        }
        throttle.succeeded(username, address);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.get().username));
        for (String role : user.get().roles.split(",")) {
            identity.addRole(role.strip());
        }
        return identity.build();
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "unknown";
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
