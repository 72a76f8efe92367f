package org.parallax.core.ingest;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class DuplicateKindConverter implements AttributeConverter<DuplicateKind, String> {
    @Override
    public String convertToDatabaseColumn(DuplicateKind kind) {
        return kind == null ? null : kind.dbValue();
    }

    @Override
    public DuplicateKind convertToEntityAttribute(String value) {
        return value == null ? null : DuplicateKind.fromDbValue(value);
    }
}
