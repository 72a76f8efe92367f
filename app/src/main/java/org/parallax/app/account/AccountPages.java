package org.parallax.app.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.parallax.core.user.Accounts;
import org.parallax.core.user.PasswordPolicy;

/**
 * Log in, register, log out. Logging in posts to Quarkus form authentication ({@code /j_security_check});
 * the session then lives in an encrypted cookie, so any replica can serve the next request.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    static final String SESSION_COOKIE = "parallax-session";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String status, String username);

        static native TemplateInstance register(String error, String username, int minLength);
    }

    private final Accounts accounts;

    public AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("login")
    public Response login(@Context UriInfo uri, @CookieParam(FailedLoginName.COOKIE) String typedName) {
        // Form authentication sends failures to "/login?error", a parameter without a value, which
        // @QueryParam reads as null: only its presence tells a failed login from a first visit.
        boolean failed = uri.getQueryParameters().containsKey("error");
        // One message for every failure: it must not tell whether the account exists or is locked.
        String message = !failed ? null
                : "That username and password did not match, or there were too many attempts. "
                        + "Check them and try again in a few minutes.";
        // Registration lands on "/login?registered", valueless for the same reason as "error".
        String status = !failed && uri.getQueryParameters().containsKey("registered")
                ? "Your account is ready; log in." : null;
        TemplateInstance page = Templates.login(message, status, failed ? FailedLoginName.read(typedName) : "");
        if (typedName == null) {
            return Response.ok(page).build();
        }
        // Shown once: a later visit to the login page starts empty.
        NewCookie spent = new NewCookie.Builder(FailedLoginName.COOKIE).path("/login").maxAge(0).value("")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(page).cookie(spent).build();
    }

    @GET
    @Path("register")
    public TemplateInstance registerForm() {
        return Templates.register(null, "", PasswordPolicy.MIN_LENGTH);
    }

    @POST
    @Path("register")
    public Response register(@RestForm String username, @RestForm String password,
                             @RestForm("password-again") String passwordAgain) {
        // Each missing field gets its own message: "the two passwords differ" for a form sent without any
        // password (browsers without the "required" check, scripts) sent people looking for a typo.
        String problem = null;
        if (password == null || password.isEmpty()) {
            problem = "Choose a password of at least " + PasswordPolicy.MIN_LENGTH
                    + " characters and type it in both password fields.";
        } else if (passwordAgain == null || passwordAgain.isEmpty()) {
            problem = "Type the password a second time, in “Password again”.";
        } else if (!password.equals(passwordAgain)) {
            problem = "The two passwords differ; type them again.";
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.register(problem,
                    username == null ? "" : username, PasswordPolicy.MIN_LENGTH)).build();
        }
        try {
            accounts.register(username, password);
        } catch (Accounts.Rejected e) {
            return Response.status(400).entity(Templates.register(e.getMessage(),
                    username == null ? "" : username, PasswordPolicy.MIN_LENGTH)).build();
        }
        return Response.seeOther(URI.create("/login?registered")).build();
    }

    /** Drops the session cookie; the encrypted cookie is the whole session, so nothing is left server-side. */
    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).value("")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}
