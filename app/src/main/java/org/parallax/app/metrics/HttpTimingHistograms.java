package org.parallax.app.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Publishes request timings as histogram buckets rather than per-process percentiles: with several
 * replicas only buckets can be summed, so Prometheus's {@code histogram_quantile} gives the p95 of the
 * whole service.
 */
@Singleton
public class HttpTimingHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpServerHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
            }
        };
    }
}
