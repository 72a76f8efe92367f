package org.parallax.app.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.Article;

/**
 * A change committed before {@link StoryChanges#catchUp} has reached this replica when it returns, so the
 * page requested right after an editor's change is not served from the snapshot before it.
 */
@QuarkusTest
class StoryChangesCatchUpTests {

    @Inject
    StoryChanges changes;

    private void awaitListening() throws InterruptedException {
        for (int i = 0; i < 200 && !changes.listening(); i++) {
            Thread.sleep(50);
        }
        assertThat(changes.listening()).as("listening for story changes").isTrue();
    }

    /** What V40's triggers send when a story changes. */
    private static void notifyStoryChanged(String payload) {
        QuarkusTransaction.requiringNew().run(() -> Article.getEntityManager()
                .createNativeQuery("select cast(pg_notify('parallax_story', ?1) as text)")
                .setParameter(1, payload).getSingleResult());
    }

    @Test
    void aChangeCommittedBeforeCatchingUpHasBeenSeenWhenItReturns() throws InterruptedException {
        awaitListening();
        for (int round = 0; round < 20; round++) {
            long before = changes.generation();
            notifyStoryChanged(String.valueOf(Long.MAX_VALUE - round));
            assertThat(changes.catchUp(Duration.ofSeconds(5))).isTrue();
            assertThat(changes.generation()).as("round " + round).isGreaterThan(before);
        }
    }

    @Test
    void anotherReplicasCatchUpIsNotMistakenForAChangeOrForOurs() throws InterruptedException {
        awaitListening();
        // A foreign marker is ignored: not a story id to evict (which would clear every snapshot) and not
        // this replica's catch-up, which still waits for its own notification.
        notifyStoryChanged(StoryChanges.SYNC + "another-replica:1");
        assertThat(changes.catchUp(Duration.ofSeconds(5))).isTrue();
        assertThat(changes.listening()).isTrue();
    }
}
