package org.parallax.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate in front of searches: a bounded number run, the rest wait in turn or are told to retry. */
class SearchAdmissionTests {

    private static final SearchQuery QUERY = SearchQueryParser.parse("meddling");

    /** A search that holds its turn until released, and records how many ran at once. */
    private static final class HeldSearch extends SearchService {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        HeldSearch() {
            super(null, config(1, Duration.ZERO));
        }

        @Override
        public SearchResults search(SearchQuery query, String after, int pageSize) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return SearchResults.none(query, List.of(), null);
        }
    }

    @Test
    void aSearchBeyondTheLimitIsToldToRetryAfterWaitingItsTime() throws Exception {
        HeldSearch held = new HeldSearch();
        SearchAdmission admission = new SearchAdmission(held, config(1, Duration.ofMillis(200)));
        CompletableFuture<SearchResults> first = CompletableFuture.supplyAsync(() -> admission.search(QUERY, null, 20));
        assertThat(held.started.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> admission.search(QUERY, null, 20))
                .isInstanceOf(SearchAdmission.Busy.class)
                .hasMessageContaining("try again");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        held.release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).hits()).isEmpty();
        // The refused search took no turn with it: the next one runs.
        assertThat(admission.search(QUERY, null, 20).query()).isEqualTo(QUERY);
    }

    @Test
    void waitingSearchesRunWhenATurnFreesAndNeverMoreThanTheLimitAtOnce() throws Exception {
        HeldSearch held = new HeldSearch();
        SearchAdmission admission = new SearchAdmission(held, config(2, Duration.ofSeconds(10)));
        var readers = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<CompletableFuture<SearchResults>> searches = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> admission.search(QUERY, null, 20), readers))
                .toList();
        assertThat(held.started.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(held.running.get()).isEqualTo(2);
        held.release.countDown();
        for (CompletableFuture<SearchResults> s : searches) {
            assertThat(s.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(held.mostAtOnce.get()).isEqualTo(2);
        readers.shutdown();
    }

    private static SearchConfig config(int concurrency, Duration maxWait) {
        return new SearchConfig() {
            @Override
            public int candidates() {
                return 200;
            }

            @Override
            public Optional<Integer> concurrency() {
                return Optional.of(concurrency);
            }

            @Override
            public Duration maxWait() {
                return maxWait;
            }

            @Override
            public double walkShare() {
                return 0.12;
            }
        };
    }
}
