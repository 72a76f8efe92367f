package org.parallax.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.article.Article;
import org.parallax.core.article.StoreResult;
import org.parallax.core.ingest.DuplicateKind;
import org.parallax.core.ingest.DuplicateLink;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.InputFiles;
import org.parallax.ingest.pipeline.IngestListener;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;

/** The ingest pipeline against the real PostgreSQL: what it writes, what a second run writes (nothing). */
@QuarkusTest
class IngestPipelineTests {

    private static final List<String> TABLES = List.of("article", "paragraph", "source_document", "outlet",
            "article_signature", "duplicate_link", "story");

    @Inject
    IngestPipeline pipeline;

    @Inject
    StoryAssignmentWorker grouping;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyFormatIsStoredOnceAndReingestingAddsNoRows(@TempDir Path temp) throws Exception {
        String nonce = UUID.randomUUID().toString();
        Path folder = IngestFixtures.everyFormat(temp, nonce);

        IngestSummary first = pipeline.ingest("test", new InputFiles(List.of(folder)));

        // txt, 2 feed items, 2 JSON lines, 1 wire record, 1 WARC page; the seeds are already loaded on start.
        assertThat(first.created() + first.nearDuplicates()).isEqualTo(7);
        assertThat(first.unchanged()).isEqualTo(5);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.errors()).containsExactly(folder.resolve("empty.txt") + ": empty file");
        assertThat(errorsOf(first.runId())).containsExactly(folder.resolve("empty.txt") + ": empty file");

        // Grouping follows storing on its own thread; finish it so the counts compare stored rows only.
        grouping.drain();
        Map<String, Long> before = rowCounts();
        IngestSummary second = pipeline.ingest("test again", new InputFiles(List.of(folder)));
        grouping.drain();
        Map<String, Long> after = rowCounts();

        assertThat(second.created()).isZero();
        assertThat(second.nearDuplicates()).isZero();
        assertThat(second.unchanged()).isEqualTo(12);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(after).isEqualTo(before);
    }

    /**
     * A syndicated copy is stored and linked. A changed body at the same address from the same outlet used to
     * be linked the same way as an "updated version"; it is now a revision of the stored article (updated in
     * place, old text kept, see ArticleRevisionTests), so its annotations stay attached.
     */
    @Test
    void nearDuplicatesAreStoredAndLinkedNotMergedAndUpdatesAreRevisions(@TempDir Path temp) throws Exception {
        String nonce = UUID.randomUUID().toString();
        // Words of its own on every run: the template fixture text would make a re-run's copy a near-duplicate
        // of the previous run's article instead of a new one.
        String wire = IngestFixtures.body(nonce, "the harbour tender " + IngestFixtures.words(12), 10);
        String original = line("Harbour tender " + nonce, "https://www.reuters.com/harbour-" + nonce, wire);
        String syndicated = line("Harbour opens tender " + nonce, "https://www.theguardian.com/harbour-" + nonce,
                wire.replace("Paragraph 10", "The tenth and last paragraph") + "\n\nAdditional reporting by staff.");
        String updated = line("Harbour tender (updated) " + nonce, "https://www.reuters.com/harbour-" + nonce,
                wire + "\n\nUpdated with the port authority response, which rejected the proposal outright.");

        IngestSummary summary = pipeline.ingest("near", List.of(
                Input.ofFile(Files.writeString(temp.resolve("a.jsonl"), original)),
                Input.ofFile(Files.writeString(temp.resolve("b.jsonl"), syndicated)),
                Input.ofFile(Files.writeString(temp.resolve("c.jsonl"), updated))));

        assertThat(summary.created()).isEqualTo(1);
        // The syndicated copy, and the revision (counted with near-duplicates, as updated versions were).
        assertThat(summary.nearDuplicates()).isEqualTo(2);
        assertThat(links(nonce)).containsExactly(
                "Harbour opens tender " + nonce + " -> Harbour tender (updated) " + nonce + " as " + DuplicateKind.SYNDICATED);
    }

    /** Graceful shutdown (bench/reliability/shutdown.sh): a running ingest stops between two articles. */
    @Test
    void shutdownStopsARunningIngestAtAnArticleBoundary(@TempDir Path temp) throws Exception {
        String nonce = UUID.randomUUID().toString();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = "Harbour talks, part " + i + " " + nonce + "\n\n"
                    + IngestFixtures.body(UUID.randomUUID().toString(), "harbour talks " + i, 4);
            inputs.add(Input.ofFile(Files.writeString(temp.resolve(i + ".txt"), text)));
        }
        CompletableFuture<Boolean> stoppedInTime = new CompletableFuture<>();
        IngestSummary first = pipeline.ingest("stop", inputs, new IngestListener() {
            int stored;

            @Override
            public void stored(StoreResult result) {
                if (++stored == 3) {
                    // Shutdown runs on another thread and waits for the ingest to reach a boundary.
                    CompletableFuture.runAsync(() -> stoppedInTime.complete(pipeline.stopRunning(Duration.ofSeconds(30))));
                }
            }
        });

        assertThat(stoppedInTime.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.stopped()).isTrue();
        assertThat(first.line()).contains("stopped by shutdown");
        int storedFirst = first.created() + first.nearDuplicates();
        assertThat(storedFirst).isBetween(3, 29);
        assertThat(articlesWithoutParagraphs(nonce)).isZero();
        assertThat(articlesOf(nonce)).isEqualTo(storedFirst);

        IngestSummary second = pipeline.ingest("stop again", inputs);

        assertThat(second.stopped()).isFalse();
        assertThat(second.unchanged()).isEqualTo(storedFirst);
        assertThat(second.created() + second.nearDuplicates()).isEqualTo(30 - storedFirst);
        assertThat(articlesOf(nonce)).isEqualTo(30);
        assertThat(articlesWithoutParagraphs(nonce)).isZero();
    }

    private long articlesOf(String nonce) throws Exception {
        return count("select count(*) from article where headline like '%" + nonce + "'");
    }

    private long articlesWithoutParagraphs(String nonce) throws Exception {
        return count("select count(*) from article a where a.headline like '%" + nonce + "' "
                + "and not exists (select 1 from paragraph p where p.article_id = a.id)");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String line(String title, String url, String body) {
        return "{\"title\":\"" + title + "\",\"url\":\"" + url + "\",\"body\":\"" + body.replace("\n", "\\n") + "\"}\n";
    }

    @Transactional
    List<String> links(String nonce) {
        return DuplicateLink.<DuplicateLink>listAll().stream()
                .map(link -> Map.entry(Article.<Article>findById(link.articleId), link))
                .filter(e -> e.getKey().headline.endsWith(nonce))
                .map(e -> e.getKey().headline + " -> " + Article.<Article>findById(e.getValue().duplicateOf).headline
                        + " as " + e.getValue().kind)
                .toList();
    }

    private List<String> errorsOf(long runId) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select message from ingest_error where run_id = " + runId + " order by id")) {
            java.util.ArrayList<String> messages = new java.util.ArrayList<>();
            while (rows.next()) {
                messages.add(rows.getString(1));
            }
            return messages;
        }
    }

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
