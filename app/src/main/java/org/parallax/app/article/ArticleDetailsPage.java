package org.parallax.app.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.parallax.app.annotation.Viewer;
import org.parallax.app.web.QueryNumbers;
import org.parallax.core.article.ArticleCorrections;
import org.parallax.core.article.ArticleCorrections.Change;
import org.parallax.core.article.ArticleCorrections.Details;
import org.parallax.core.article.ArticleRemovals;
import org.parallax.core.user.Accounts;

/**
 * {@code /articles/{id}/details}: the article's details with every correction editors made to them, open to
 * everyone (readers should know when a headline is the editors' and not the source's), and for editors a
 * form to correct what extraction got wrong. A refused form comes back with what was typed.
 */
@Path("/articles/{id}/details")
@Produces(MediaType.TEXT_HTML)
public class ArticleDetailsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance details(long articleId, DetailsForm form, List<Change> history, String error,
                                               Integer saved, String removeError, String reason);

        static native TemplateInstance removed(ArticleRemovals.Removed removed);
    }

    /**
     * The form's fields as text, exactly as shown or as typed; the date and time are UTC. {@code version} is
     * when the details shown last changed, so that a form left open while another editor saved is not
     * silently saved over their values.
     */
    public record DetailsForm(String headline, String dek, String byline, String outlet, String date, String time,
                              String language, String version) {

        static DetailsForm of(ArticleCorrections.Current current) {
            Details d = current.details();
            Instant version = current.version();
            String date = d.publishedAt() == null ? "" : LocalDate.ofInstant(d.publishedAt(), ZoneOffset.UTC).toString();
            String time = d.publishedAt() == null ? ""
                    : LocalTime.ofInstant(d.publishedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
            return new DetailsForm(d.headline(), nullToEmpty(d.dek()), nullToEmpty(d.byline()), nullToEmpty(d.outlet()),
                    date, time, nullToEmpty(d.language()), version == null ? "" : version.toString());
        }

        DetailsForm at(Instant newVersion) {
            return new DetailsForm(headline, dek, byline, outlet, date, time, language, newVersion.toString());
        }

        /** The version the form was shown at; none (scripts, old pages) checks nothing. */
        Instant seen() {
            if (version == null || version.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(version.strip());
            } catch (DateTimeParseException e) {
                throw new ArticleCorrections.Rejected("The form is damaged; open the details page again.");
            }
        }

        /**
         * The details to store. The form shows minutes, so a date and time equal to the stored one at the minute
         * keeps the stored instant (its seconds), and saving an untouched form changes nothing.
         */
        Details details(Instant stored) {
            Instant publishedAt = publishedAt();
            if (publishedAt != null && stored != null && stored.truncatedTo(ChronoUnit.MINUTES).equals(publishedAt)) {
                publishedAt = stored;
            }
            return new Details(headline, dek, byline, outlet, publishedAt, language);
        }

        private Instant publishedAt() {
            if (date == null || date.isBlank()) {
                if (time != null && !time.isBlank()) {
                    throw new ArticleCorrections.Rejected("A time needs a date; give the day it was published too.");
                }
                return null;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new ArticleCorrections.Rejected("The date must be a day such as 2020-09-25.");
            }
            LocalTime at = LocalTime.MIDNIGHT;
            if (time != null && !time.isBlank()) {
                try {
                    at = LocalTime.parse(time.strip());
                } catch (DateTimeParseException e) {
                    throw new ArticleCorrections.Rejected("The time must be hours and minutes such as 15:45 (UTC).");
                }
            }
            return day.atTime(at).toInstant(ZoneOffset.UTC);
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    private final ArticleCorrections corrections;
    private final ArticleRemovals removals;
    private final Viewer viewer;
    private final MissingArticles missing;

    public ArticleDetailsPage(ArticleCorrections corrections, ArticleRemovals removals, Viewer viewer,
                              MissingArticles missing) {
        this.corrections = corrections;
        this.removals = removals;
        this.viewer = viewer;
        this.missing = missing;
    }

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("saved") String saved) {
        Integer savedCount = saved == null ? null : QueryNumbers.parseInt("saved", saved, 0);
        return Templates.details(id, DetailsForm.of(current(id)), corrections.history(id), null, savedCount, null, "");
    }

    @POST
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") long id, @RestForm String headline, @RestForm String dek,
                            @RestForm String byline, @RestForm String outlet, @RestForm String date,
                            @RestForm String time, @RestForm String language, @RestForm String version) {
        ArticleCorrections.Current current = current(id);
        DetailsForm typed = new DetailsForm(headline, dek, byline, outlet, date, time, language, version);
        try {
            List<Change> changes = corrections.correct(id, viewer.id(), typed.details(current.details().publishedAt()),
                    typed.seen());
            // Post/redirect/get: reloading the confirmation does not submit the form again.
            return Response.seeOther(URI.create("/articles/" + id + "/details?saved=" + changes.size())).build();
        } catch (ArticleCorrections.Stale e) {
            // Shown again at the current version: saving now is a decision made with the other changes in view.
            DetailsForm again = corrections.current(id).map(now -> typed.at(now.version())).orElse(typed);
            return page(Response.Status.CONFLICT,
                    Templates.details(id, again, corrections.history(id), e.getMessage(), null, null, ""));
        } catch (ArticleCorrections.Rejected e) {
            return page(Response.Status.BAD_REQUEST,
                    Templates.details(id, typed, corrections.history(id), e.getMessage(), null, null, ""));
        } catch (java.util.NoSuchElementException e) {
            throw missing.of(id);
        }
    }

    /**
     * Removes what is not an article at all. Answers with a page of its own: the article's address is gone
     * ({@code 410} from now on), so there is nothing to redirect to.
     */
    @POST
    @Path("/remove")
    @RolesAllowed(Accounts.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @RestForm String reason) {
        ArticleCorrections.Current current = current(id);
        try {
            return page(Response.Status.OK, Templates.removed(removals.remove(id, viewer.id(), reason)));
        } catch (ArticleRemovals.Refused e) {
            return page(Response.Status.BAD_REQUEST, Templates.details(id, DetailsForm.of(current),
                    corrections.history(id), null, null, e.getMessage(), reason == null ? "" : reason));
        } catch (java.util.NoSuchElementException e) {
            throw missing.of(id);
        }
    }

    private ArticleCorrections.Current current(long id) {
        return corrections.current(id).orElseThrow(() -> missing.of(id));
    }

    private static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(page.render()).build();
    }
}
