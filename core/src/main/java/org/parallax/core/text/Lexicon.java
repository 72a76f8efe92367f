package org.parallax.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * What a word means for comparison: function words and reporting verbs have no key; every other word is
 * reduced to its Snowball (Porter2) stem and then to the canonical member of its synonym group.
 * The word lists are resources beside this class ({@code stopwords-en.txt}, {@code synonyms-en.txt}); the
 * synonym file says why each group is there.
 */
public final class Lexicon {

    private static final int MAX_CACHED_KEYS = 500_000;
    private static final Lexicon ENGLISH = load("stopwords-en.txt", "synonyms-en.txt");

    private final Set<String> stopWords;
    /** Stem of a synonym group member to the group's canonical stem. */
    private final Map<String, String> canonical;
    /** The Snowball stemmer keeps state between calls, so each thread gets its own. */
    private final ThreadLocal<SnowballStemmer> stemmer =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));
    /** Keys of words seen before: a news vocabulary is small, and stemming is the costly part of analysis. */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    private Lexicon(Set<String> stopWords, List<List<String>> synonymGroups) {
        this.stopWords = Set.copyOf(stopWords);
        Map<String, String> map = new HashMap<>();
        for (List<String> group : synonymGroups) {
            String head = stem(Tokenizer.norm(group.get(0)));
            for (String word : group) {
                map.put(stem(Tokenizer.norm(word)), head);
            }
        }
        this.canonical = Map.copyOf(map);
    }

    public static Lexicon english() {
        return ENGLISH;
    }

    public boolean isStopWord(String norm) {
        return stopWords.contains(norm);
    }

    /** The content key of a normalised word, or null for a stop word. */
    public String key(String norm) {
        if (stopWords.contains(norm)) {
            return null;
        }
        String key = keys.get(norm);
        if (key == null) {
            String stem = stem(norm);
            key = canonical.getOrDefault(stem, stem);
            if (keys.size() < MAX_CACHED_KEYS) {
                keys.put(norm, key);
            }
        }
        return key;
    }

    private String stem(String norm) {
        return stemmer.get().stem(norm).toString();
    }

    private static Lexicon load(String stopWordsResource, String synonymsResource) {
        Set<String> stopWords = new HashSet<>();
        for (String line : lines(stopWordsResource)) {
            stopWords.add(Tokenizer.norm(line));
        }
        List<List<String>> groups = lines(synonymsResource).stream()
                .map(line -> List.of(line.split("\\s+")))
                .toList();
        return new Lexicon(stopWords, groups);
    }

    /** Non-blank lines of a resource, without {@code #} comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
