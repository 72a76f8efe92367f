package org.parallax.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The five raw articles Parallax started from, exactly as they were scraped. They are the demo data
 * loaded on first start and the first test corpus.
 */
public final class Seeds {

    private static final String INDEX = "seeds.index";
    private static final String FOLDER = "seeds/";

    private Seeds() {
    }

    /** One seed file: its name and its bytes, unchanged. */
    public record Seed(String name, byte[] content) {
        public String origin() {
            return "seed:" + name;
        }
    }

    public static List<String> names() {
        return read(INDEX).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public static List<Seed> all() {
        return names().stream().map(name -> new Seed(name, bytes(FOLDER + name))).toList();
    }

    public static Seed byName(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no seed named " + name + "; seeds are " + names());
        }
        return new Seed(name, bytes(FOLDER + name));
    }

    private static String read(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed resource " + resource, e);
        }
    }
}
