package org.parallax.core.text;

import java.util.Map;

/** Term-weight vectors kept as maps from term to weight: the grouping's tf-idf and the alignment's profiles. */
public final class SparseVectors {

    private SparseVectors() {
    }

    /** The dot product, walking the smaller of the two maps. */
    public static double dot(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            return dot(b, a);
        }
        double sum = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            Double other = b.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }
}
