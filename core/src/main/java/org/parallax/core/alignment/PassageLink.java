package org.parallax.core.alignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored {@link PassageMatch}: computed when the story changes, read by pages and the API. */
@Entity
@Table(name = "passage_link")
public class PassageLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id", nullable = false)
    public long storyId;

    @Column(name = "article_a", nullable = false)
    public long articleA;

    @Column(name = "a_start", nullable = false)
    public int aStart;

    @Column(name = "a_end", nullable = false)
    public int aEnd;

    @Column(name = "article_b", nullable = false)
    public long articleB;

    @Column(name = "b_start", nullable = false)
    public int bStart;

    @Column(name = "b_end", nullable = false)
    public int bEnd;

    /** Stored lower-case, see {@link LinkKind#dbValue()}. */
    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false)
    public float score;

    /** The word differences as JSON, see {@link DiffJson}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String diff;

    public static PassageLink of(long storyId, PassageMatch match) {
        PassageLink link = new PassageLink();
        link.storyId = storyId;
        link.articleA = match.articleA();
        link.aStart = match.aStart();
        link.aEnd = match.aEnd();
        link.articleB = match.articleB();
        link.bStart = match.bStart();
        link.bEnd = match.bEnd();
        link.kind = match.kind().dbValue();
        link.score = (float) match.score();
        link.diff = DiffJson.write(match.diff());
        return link;
    }

    public PassageMatch toMatch() {
        return new PassageMatch(articleA, aStart, aEnd, articleB, bStart, bEnd, LinkKind.fromDbValue(kind), score,
                DiffJson.read(diff));
    }

    public static List<PassageLink> ofStory(long storyId) {
        return list("storyId = ?1 order by articleA, aStart, articleB, bStart", storyId);
    }
}
