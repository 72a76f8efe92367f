package org.parallax.app.home;

import static org.parallax.app.web.SqlValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stories for the home page: newest first, optionally only those whose articles match a search. Two
 * queries per page (stories, then all their articles at once), whatever the page size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoryListing {

    private static final int LEAD_CHARS = 240;

    /**
     * One story on the listing.
     *
     * @param outlets the named outlets, in order of first publication
     * @param unknownOutletArticles articles whose outlet is not known: not counted as outlets (as on the story
     *                              page), since two of them may well be the same one
     */
    public record Entry(long id, String title, Instant firstPublished, Instant lastPublished, int articleCount,
                        List<String> outlets, int unknownOutletArticles, String lead) {
        public int outletCount() {
            return outlets.size();
        }
    }

    public record Page(List<Entry> entries, long total) {
    }

    private final EntityManager em;

    public StoryListing(EntityManager em) {
        this.em = em;
    }

    /** @param query words to look for in the stories' articles (headline, dek, body); blank for all stories */
    public Page page(String query, int page, int size) {
        boolean filtered = query != null && !query.isBlank();
        String where = "s.article_count > 0" + (filtered ? " and exists (select 1 from article a where a.story_id = s.id "
                + "and (a.search_vector @@ websearch_to_tsquery(parallax_ts_config(a.language), ?1) or a.headline ilike ?2 escape '\\'))" : "");
        var count = em.createNativeQuery("select count(*) from story s where " + where);
        var select = em.createNativeQuery("select s.id, s.title, s.first_published, s.last_published, s.article_count "
                + "from story s where " + where + " order by s.last_published desc nulls last, s.id desc "
                + "limit " + size + " offset " + ((long) page * size));
        if (filtered) {
            String like = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            count.setParameter(1, query.strip()).setParameter(2, like);
            select.setParameter(1, query.strip()).setParameter(2, like);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        if (rows.isEmpty()) {
            return new Page(List.of(), total);
        }
        Long[] ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toArray(Long[]::new);
        // Outlets in order of first publication; the lead comes from the article whose headline titles the story.
        @SuppressWarnings("unchecked")
        List<Object[]> articles = em.createNativeQuery("""
                        select a.story_id, o.name, a.headline, a.dek, left(a.body, 600)
                        from article a left join outlet o on o.id = a.outlet_id
                        where a.story_id = any(?1) order by a.published_at asc nulls last, a.id""")
                .setParameter(1, ids).getResultList();
        Map<Long, List<String>> outlets = new LinkedHashMap<>();
        Map<Long, Integer> unknownOutlets = new LinkedHashMap<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        rows.forEach(r -> titles.put(((Number) r[0]).longValue(), (String) r[1]));
        Map<Long, String> firstLeads = new LinkedHashMap<>();
        Map<Long, String> titleLeads = new LinkedHashMap<>();
        for (Object[] a : articles) {
            long story = ((Number) a[0]).longValue();
            List<String> names = outlets.computeIfAbsent(story, k -> new ArrayList<>());
            if (a[1] == null) {
                unknownOutlets.merge(story, 1, Integer::sum);
            } else if (!names.contains((String) a[1])) {
                names.add((String) a[1]);
            }
            String lead = shorten(a[3] != null && !((String) a[3]).isBlank() ? (String) a[3] : (String) a[4]);
            firstLeads.putIfAbsent(story, lead);
            if (a[2].equals(titles.get(story))) {
                titleLeads.putIfAbsent(story, lead);
            }
        }
        Map<Long, String> leads = new LinkedHashMap<>(firstLeads);
        leads.putAll(titleLeads);
        List<Entry> entries = rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            return new Entry(id, (String) r[1], instant(r[2]), instant(r[3]), ((Number) r[4]).intValue(),
                    outlets.getOrDefault(id, List.of()), unknownOutlets.getOrDefault(id, 0), leads.getOrDefault(id, ""));
        }).toList();
        return new Page(entries, total);
    }

    /** The first paragraph, cut at a word near {@link #LEAD_CHARS}. */
    private static String shorten(String start) {
        int end = start.indexOf("\n\n");
        String first = end < 0 ? start : start.substring(0, end);
        if (first.length() <= LEAD_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', LEAD_CHARS);
        return first.substring(0, cut > 0 ? cut : LEAD_CHARS) + "…";
    }
}
