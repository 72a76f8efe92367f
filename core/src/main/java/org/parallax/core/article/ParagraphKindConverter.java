package org.parallax.core.article;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class ParagraphKindConverter implements AttributeConverter<ParagraphKind, String> {
    @Override
    public String convertToDatabaseColumn(ParagraphKind kind) {
        return kind == null ? null : kind.dbValue();
    }

    @Override
    public ParagraphKind convertToEntityAttribute(String value) {
        return value == null ? null : ParagraphKind.fromDbValue(value);
    }
}
