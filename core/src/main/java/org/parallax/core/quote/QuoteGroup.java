package org.parallax.core.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Quotes of one story's articles that say the same thing; its members are {@link Quote}s. */
@Entity
@Table(name = "quote_group")
public class QuoteGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id", nullable = false)
    public long storyId;

    public String speaker;
}
