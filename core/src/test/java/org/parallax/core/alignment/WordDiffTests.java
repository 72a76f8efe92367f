package org.parallax.core.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.text.Tokenizer;

class WordDiffTests {

    private final Tokenizer tokenizer = Tokenizer.english();

    private List<DiffOp> diff(String a, String b) {
        return WordDiff.diff(a, tokenizer.tokens(a), b, tokenizer.tokens(b));
    }

    @Test
    void whitespacePunctuationQuotesAndCaseAreNoDifference() {
        assertThat(diff("“We would like to once again address the US,” he said.",
                "\"we  would like to once again address the US\" -- he said")).isEmpty();
    }

    @Test
    void changedInsertedAndDeletedWordsWithTheirOffsets() {
        String a = "to reboot our relations in the field of security in the use of ICT";
        String b = "to reset our relations in the use of modern ICT";
        List<DiffOp> ops = diff(a, b);
        assertThat(ops).extracting(DiffOp::type, DiffOp::a, DiffOp::b).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiffOp.Type.CHANGE, "reboot", "reset"),
                org.assertj.core.groups.Tuple.tuple(DiffOp.Type.DELETE, "field of security in the", ""),
                org.assertj.core.groups.Tuple.tuple(DiffOp.Type.INSERT, "", "modern"));
        DiffOp change = ops.get(0);
        assertThat(a.substring(change.aStart(), change.aEnd())).isEqualTo("reboot");
        assertThat(b.substring(change.bStart(), change.bEnd())).isEqualTo("reset");
    }
}
