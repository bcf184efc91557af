package io.polystore.incident.incident;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Status and severity are stored in lower case, as the API spells them and the CHECK constraints expect. */
final class LowerCaseEnumConverters {

    private LowerCaseEnumConverters() {
    }

    @Converter(autoApply = true)
    public static class StatusConverter implements AttributeConverter<IncidentStatus, String> {
        @Override
        public String convertToDatabaseColumn(IncidentStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public IncidentStatus convertToEntityAttribute(String value) {
            return value == null ? null : IncidentStatus.valueOf(value.toUpperCase());
        }
    }

    @Converter(autoApply = true)
    public static class SeverityConverter implements AttributeConverter<Severity, String> {
        @Override
        public String convertToDatabaseColumn(Severity severity) {
            return severity == null ? null : severity.value();
        }

        @Override
        public Severity convertToEntityAttribute(String value) {
            return value == null ? null : Severity.valueOf(value.toUpperCase());
        }
    }
}
