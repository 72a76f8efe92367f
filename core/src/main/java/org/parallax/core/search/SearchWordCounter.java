package org.parallax.core.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Adds the words of newly stored articles to {@code search_word}, many articles per statement (see V61;
 * V134 takes them off again when an article is removed or its text changes):
 * the articles noted in {@code search_word_queue} are claimed, their distinct words counted together and
 * upserted in word order (so concurrent batches lock rows in the same order), and the claim deleted, all
 * in one transaction.
 */
@ApplicationScoped
public class SearchWordCounter {

    /** Articles per batch: large enough that hot words are updated rarely, small enough for short transactions. */
    static final int BATCH = 500;

    private final EntityManager em;

    public SearchWordCounter(EntityManager em) {
        this.em = em;
    }

    /**
     * Counts the words of the next batch of noted articles.
     *
     * @param waitForClaimed wait for articles another transaction is counting instead of passing over them
     * @return how many articles were counted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int countNext(boolean waitForClaimed) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("select article_id from search_word_queue "
                    + "order by article_id limit ? for update" + (waitForClaimed ? "" : " skip locked"))) {
                claim.setInt(1, BATCH);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            java.sql.Array batch = connection.createArrayOf("bigint", ids.toArray());
            // The words V134's triggers take off again when an article is removed or its text changes.
            try (PreparedStatement count = connection.prepareStatement("""
                    insert into search_word (word, ndoc)
                    select w, count(*)
                    from article a, unnest(parallax_article_words(a.headline, a.dek, a.body)) as w
                    where a.id = any(?)
                    group by w
                    order by w
                    on conflict (word) do update set ndoc = search_word.ndoc + excluded.ndoc""");
                 PreparedStatement delete = connection.prepareStatement(
                         "delete from search_word_queue where article_id = any(?)")) {
                count.setArray(1, batch);
                count.executeUpdate();
                delete.setArray(1, batch);
                delete.executeUpdate();
            }
            return ids.size();
        });
    }
}
