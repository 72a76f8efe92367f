package org.parallax.app.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Cuts an article's paragraphs into marked passages. Marks that overlap in the same article (one sentence
 * linked to two others with slightly different spans) become one passage, so markup never nests.
 */
final class PassageMarker {

    /** One link end or unique sentence of an article before merging. */
    record Mark(int start, int end, String kind, String counterpart, List<int[]> differing, String about) {
    }

    /** A merged passage before its jumps are known. */
    record Merged(int start, int end, String kind, Set<String> counterparts, List<int[]> differing,
                  Set<String> about) {
    }

    private PassageMarker() {
    }

    static String anchor(long article, int start) {
        return "a" + article + "-" + start;
    }

    static int rank(String kind) {
        return switch (kind) {
            case "verbatim" -> 3;
            case "near" -> 2;
            case "paraphrase" -> 1;
            default -> 0;
        };
    }

    /** Overlapping marks merged; the closest kind wins. Sorted by start. */
    static List<Merged> merge(List<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end));
        List<Merged> merged = new ArrayList<>();
        for (Mark m : sorted) {
            Merged last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() < last.end()) {
                Set<String> counterparts = new LinkedHashSet<>(last.counterparts());
                if (m.counterpart() != null) {
                    counterparts.add(m.counterpart());
                }
                List<int[]> differing = new ArrayList<>(last.differing());
                differing.addAll(m.differing());
                Set<String> about = new LinkedHashSet<>(last.about());
                about.add(m.about());
                String kind = rank(m.kind()) > rank(last.kind()) ? m.kind() : last.kind();
                merged.set(merged.size() - 1, new Merged(last.start(), Math.max(last.end(), m.end()), kind,
                        counterparts, differing, about));
            } else {
                Set<String> counterparts = new LinkedHashSet<>();
                if (m.counterpart() != null) {
                    counterparts.add(m.counterpart());
                }
                Set<String> about = new LinkedHashSet<>();
                about.add(m.about());
                merged.add(new Merged(m.start(), m.end(), m.kind(), counterparts, new ArrayList<>(m.differing()),
                        about));
            }
        }
        return merged;
    }

    /** The merged passage of this list that contains {@code offset}, if any. */
    static Merged containing(List<Merged> merged, int offset) {
        for (Merged m : merged) {
            if (m.start() <= offset && offset < m.end()) {
                return m;
            }
        }
        return null;
    }

    /** The article's paragraphs cut into plain and marked pieces. */
    static List<Marked.Paragraph> paragraphs(StoryData.Member article, List<Marked.Passage> passages,
                                            Function<Marked.Passage, List<int[]>> differing) {
        List<Marked.Paragraph> out = new ArrayList<>();
        for (StoryData.Block block : article.blocks()) {
            out.add(paragraph(article, block, passages, differing));
        }
        return out;
    }

    static Marked.Paragraph paragraph(StoryData.Member article, StoryData.Block block, List<Marked.Passage> passages,
                                      Function<Marked.Passage, List<int[]>> differing) {
        String body = article.body();
        List<Marked.Piece> pieces = new ArrayList<>();
        int at = block.start();
        for (Marked.Passage p : passages) {
            if (p.end() <= block.start() || p.start() >= block.end()) {
                continue;
            }
            int from = Math.max(p.start(), block.start());
            int to = Math.min(p.end(), block.end());
            if (from > at) {
                pieces.add(new Marked.Piece(at, from, null, false, List.of(new Marked.Segment(body.substring(at, from), false))));
            }
            pieces.add(new Marked.Piece(from, to, p, from == p.start(), segments(body, from, to, differing.apply(p))));
            at = to;
        }
        if (at < block.end()) {
            pieces.add(new Marked.Piece(at, block.end(), null, false,
                    List.of(new Marked.Segment(body.substring(at, block.end()), false))));
        }
        return new Marked.Paragraph(article.id(), block.kind(), block.start(), block.end(), List.copyOf(pieces));
    }

    /** The text from..to with the differing ranges marked; ranges are merged and clipped first. */
    static List<Marked.Segment> segments(String body, int from, int to, List<int[]> differing) {
        List<int[]> ranges = new ArrayList<>();
        for (int[] r : differing) {
            int s = Math.max(r[0], from);
            int e = Math.min(r[1], to);
            if (s < e) {
                ranges.add(new int[] {s, e});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<Marked.Segment> segments = new ArrayList<>();
        int at = from;
        for (int[] r : ranges) {
            int s = Math.max(r[0], at);
            if (r[1] <= at) {
                continue;
            }
            if (s > at) {
                segments.add(new Marked.Segment(body.substring(at, s), false));
            }
            segments.add(new Marked.Segment(body.substring(s, r[1]), true));
            at = r[1];
        }
        if (at < to) {
            segments.add(new Marked.Segment(body.substring(at, to), false));
        }
        return List.copyOf(segments);
    }
}
