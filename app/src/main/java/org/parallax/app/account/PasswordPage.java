package org.parallax.app.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.parallax.core.user.Accounts;
import org.parallax.core.user.LoginThrottle;
import org.parallax.core.user.PasswordPolicy;

/**
 * {@code /me/password}: a logged-in person changes their password, giving the current one first. Wrong
 * current passwords count towards the account's login lock (five in 15 minutes), so a session left open on
 * a shared computer cannot be used to guess it.
 */
@Path("/me/password")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(String error, String status, int minLength);
    }

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final SecurityIdentity identity;

    public PasswordPage(Accounts accounts, LoginThrottle throttle, SecurityIdentity identity) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.identity = identity;
    }

    @GET
    public TemplateInstance form(@Context UriInfo uri) {
        // "?changed" carries no value, which @RestQuery reads as null: only its presence tells (as "/login?registered").
        boolean changed = uri.getQueryParameters().containsKey("changed");
        return Templates.password(null, changed ? "Your password is changed." : null, PasswordPolicy.MIN_LENGTH);
    }

    @POST
    public Response change(@RestForm String current, @RestForm("password") String password,
                           @RestForm("password-again") String passwordAgain) {
        String username = identity.getPrincipal().getName();
        if (throttle.isAccountLocked(username)) {
            return refused(429, "Too many wrong passwords; try again in a few minutes.");
        }
        if (!accounts.passwordMatches(username, current)) {
            throttle.accountAttempt(username);
            return refused(400, "That is not your current password.");
        }
        if (password == null || password.isEmpty() || !password.equals(passwordAgain)) {
            return refused(400, password == null || password.isEmpty()
                    ? "Choose a new password of at least " + PasswordPolicy.MIN_LENGTH + " characters."
                    : "The two new passwords differ; type them again.");
        }
        try {
            accounts.changePassword(username, password);
        } catch (Accounts.Rejected e) {
            return refused(400, e.getMessage());
        }
        return Response.seeOther(URI.create("/me/password?changed")).build();
    }

    private static Response refused(int status, String message) {
        return Response.status(status).entity(Templates.password(message, null, PasswordPolicy.MIN_LENGTH)).build();
    }
}
