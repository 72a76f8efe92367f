package org.parallax.app.story;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Places a story's articles on a time axis for the overview's SVG. */
final class Timelines {

    static final int PLOT_LEFT = 190;
    static final int PLOT_RIGHT_MARGIN = 40;
    private static final int WIDTH = 720;
    private static final int LANE = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Timelines() {
    }

    static StoryOverview.Timeline of(List<StoryData.Member> articles) {
        List<StoryData.Member> dated = articles.stream().filter(a -> a.publishedAt() != null).toList();
        List<StoryData.Member> undated = articles.stream().filter(a -> a.publishedAt() == null).toList();
        int height = 40 + LANE * dated.size() + 28;
        if (dated.isEmpty()) {
            return new StoryOverview.Timeline(WIDTH, 0, List.of(), List.of(), undated);
        }
        Instant first = dated.stream().map(StoryData.Member::publishedAt).min(Instant::compareTo).orElseThrow();
        Instant last = dated.stream().map(StoryData.Member::publishedAt).max(Instant::compareTo).orElseThrow();
        long span = Duration.between(first, last).toSeconds();
        int left = PLOT_LEFT;
        int right = WIDTH - PLOT_RIGHT_MARGIN;
        List<StoryOverview.Point> points = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            StoryData.Member a = dated.get(i);
            int x = span == 0 ? (left + right) / 2
                    : left + (int) Math.round((right - left) * (double) Duration.between(first, a.publishedAt()).toSeconds() / span);
            points.add(new StoryOverview.Point(a.id(), a.outletLabel(), MOMENT.format(a.publishedAt()), x, 30 + LANE * i));
        }
        List<StoryOverview.Tick> ticks = new ArrayList<>();
        if (span == 0) {
            ticks.add(new StoryOverview.Tick((left + right) / 2, MOMENT.format(first), "middle"));
        } else {
            DateTimeFormatter format = span < 2 * 86_400 ? MOMENT : DAY;
            ticks.add(new StoryOverview.Tick(left, format.format(first), "start"));
            ticks.add(new StoryOverview.Tick(right, format.format(last), "end"));
        }
        return new StoryOverview.Timeline(WIDTH, height, List.copyOf(points), List.copyOf(ticks), undated);
    }
}
