package org.parallax.app.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.pipeline.IngestSummary;

@QuarkusTest
class SeedLoaderTests {

    @Inject
    SeedLoader loader;

    @Inject
    EntityManager em;

    @Test
    void loadingTheSeedsAgainAddsNothing() {
        long articles = count("article");
        long paragraphs = count("paragraph");
        long documents = count("source_document");
        long outlets = count("outlet");

        IngestSummary again = loader.load();

        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.failed()).isZero();
        assertThat(count("article")).isEqualTo(articles);
        assertThat(count("paragraph")).isEqualTo(paragraphs);
        assertThat(count("source_document")).isEqualTo(documents);
        assertThat(count("outlet")).isEqualTo(outlets);
    }

    @Test
    void startingAgainOnALoadedDatabaseSkipsTheSeeds() {
        assertThat(loader.loadIfMissing()).isEmpty();
    }

    @Test
    void everySeedIsStoredWithItsRawOriginal() {
        Number seeded = (Number) em.createNativeQuery(
                "select count(*) from article a join source_document d on d.id = a.source_document_id "
                        + "where d.origin like 'seed:%' and d.size_bytes = octet_length(d.content)")
                .getSingleResult();
        assertThat(seeded.longValue()).isEqualTo(5);
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
