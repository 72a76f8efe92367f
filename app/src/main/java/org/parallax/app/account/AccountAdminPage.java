package org.parallax.app.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parallax.core.user.Accounts;
import org.parallax.core.user.LoginThrottle;
import org.parallax.core.user.PasswordPolicy;

/**
 * {@code /admin/accounts}: administrators see every account and make people readers, editors or
 * administrators. Registering makes a reader; without this page the only way to an editor was the command
 * line's {@code create-admin}, which makes an administrator.
 */
@Path("/admin/accounts")
@RolesAllowed(Accounts.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountAdminPage {

    /** One account as listed; {@code you} marks the administrator looking at the page. */
    public record Row(String username, String level, Instant createdAt, boolean you) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<Row> accounts, String status, String error);

        static native TemplateInstance password(String username, String error, int minLength);
    }

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final SecurityIdentity identity;

    public AccountAdminPage(Accounts accounts, LoginThrottle throttle, SecurityIdentity identity) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String changed, @RestQuery String reset) {
        String status = null;
        if (changed != null) {
            status = accounts.find(changed)
                    .map(user -> "“" + user.username + "” is now " + withArticle(Accounts.level(user)) + ".").orElse(null);
        } else if (reset != null) {
            status = accounts.find(reset).map(user -> "“" + user.username + "” has a new password; pass it on to "
                    + "them, and ask them to change it at /me/password.").orElse(null);
        }
        return page(status, null);
    }

    /** For someone who forgot their password: there is no mail to send a reset link with. */
    @GET
    @Path("{username}/password")
    public TemplateInstance passwordForm(@RestPath String username) {
        String name = accounts.find(username).orElseThrow(NotFoundException::new).username;
        return Templates.password(name, null, PasswordPolicy.MIN_LENGTH);
    }

    @POST
    @Path("{username}/password")
    public Response resetPassword(@RestPath String username, @RestForm("password") String password,
                                  @RestForm("password-again") String passwordAgain) {
        String name = accounts.find(username).orElseThrow(NotFoundException::new).username;
        String problem = password == null || password.isEmpty() ? "Type the new password in both fields."
                : !password.equals(passwordAgain) ? "The two passwords differ; type them again." : null;
        try {
            if (problem == null) {
                accounts.resetPassword(name, password);
            }
        } catch (Accounts.Rejected e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.password(name, problem, PasswordPolicy.MIN_LENGTH)).build();
        }
        // Locked out by their own guesses, the person could not use the new password for up to 15 minutes.
        throttle.unlockAccount(name);
        return Response.seeOther(UriBuilder.fromPath("/admin/accounts").queryParam("reset", name).build()).build();
    }

    @POST
    @Path("{username}/role")
    public Response setRole(@RestPath String username, @RestForm String role) {
        try {
            accounts.setRole(username, role);
        } catch (Accounts.Rejected e) {
            return Response.status(400).entity(page(null, e.getMessage())).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/accounts").queryParam("changed", username).build()).build();
    }

    private TemplateInstance page(String status, String error) {
        String me = identity.getPrincipal().getName();
        List<Row> rows = accounts.all().stream()
                .map(user -> new Row(user.username, Accounts.level(user), user.createdAt, user.username.equals(me)))
                .toList();
        return Templates.accounts(rows, status, error);
    }

    private static String withArticle(String level) {
        return switch (level) {
            case Accounts.ADMIN -> "an administrator";
            case Accounts.EDITOR -> "an editor";
            default -> "a reader";
        };
    }
}
