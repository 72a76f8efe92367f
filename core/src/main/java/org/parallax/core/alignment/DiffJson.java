package org.parallax.core.alignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** {@link DiffOp} lists as stored in {@code passage_link.diff}. */
public final class DiffJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<DiffOp>> TYPE = new TypeReference<>() {
    };

    private DiffJson() {
    }

    public static String write(List<DiffOp> diff) {
        try {
            return MAPPER.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a word diff always serialises", e);
        }
    }

    public static List<DiffOp> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored word diff is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
