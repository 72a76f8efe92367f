package org.parallax.core.alignment;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.parallax.core.text.Token;

/**
 * Which words differ between two linked passages. Works on words only, compared in their normalised form,
 * so changes of case, punctuation, quotation marks or whitespace never show up as differences.
 */
final class WordDiff {

    private WordDiff() {
    }

    static List<DiffOp> diff(String bodyA, List<Token> a, String bodyB, List<Token> b) {
        List<AbstractDelta<Token>> deltas = DiffUtils.diff(a, b, (x, y) -> x.norm().equals(y.norm()))
                .getDeltas();
        List<DiffOp> ops = new ArrayList<>(deltas.size());
        for (AbstractDelta<Token> delta : deltas) {
            Chunk<Token> source = delta.getSource();
            Chunk<Token> target = delta.getTarget();
            int[] aSpan = span(a, source, bodyA.length());
            int[] bSpan = span(b, target, bodyB.length());
            DiffOp.Type type = switch (delta.getType()) {
                case DELETE -> DiffOp.Type.DELETE;
                case INSERT -> DiffOp.Type.INSERT;
                default -> DiffOp.Type.CHANGE;
            };
            ops.add(new DiffOp(type, aSpan[0], aSpan[1], bodyA.substring(aSpan[0], aSpan[1]),
                    bSpan[0], bSpan[1], bodyB.substring(bSpan[0], bSpan[1])));
        }
        return ops;
    }

    /** Character span of a chunk; an empty chunk sits where its position points. */
    private static int[] span(List<Token> tokens, Chunk<Token> chunk, int bodyLength) {
        if (chunk.size() > 0) {
            return new int[] {tokens.get(chunk.getPosition()).start(),
                    tokens.get(chunk.getPosition() + chunk.size() - 1).end()};
        }
        int at = chunk.getPosition() < tokens.size() ? tokens.get(chunk.getPosition()).start()
                : tokens.isEmpty() ? 0 : Math.min(bodyLength, tokens.get(tokens.size() - 1).end());
        return new int[] {at, at};
    }
}
