package io.polystore.incident.incident;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Status and severity are stored in lower case, as the API spells them and the CHECK constraints expect: each
 * constant's own spelling ({@code value()}), never a case mapping, which would depend on the JVM's default locale.
 */
final class LowerCaseEnumConverters {

    private LowerCaseEnumConverters() {
    }

    /** The CHECK constraints admit only the API's spellings; anything else in a row is a bug worth its name. */
    private static <E> E required(E constant, String stored) {
        if (constant == null) {
            throw new IllegalStateException("unknown value in the incidents table: '" + stored + "'");
        }
        return constant;
    }

    @Converter(autoApply = true)
    public static class StatusConverter implements AttributeConverter<IncidentStatus, String> {
        @Override
        public String convertToDatabaseColumn(IncidentStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public IncidentStatus convertToEntityAttribute(String value) {
            return value == null ? null : required(IncidentStatus.of(value), value);
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
            return value == null ? null : required(Severity.of(value), value);
        }
    }
}
