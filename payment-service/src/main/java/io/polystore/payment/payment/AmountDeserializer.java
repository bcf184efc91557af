package io.polystore.payment.payment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount as a JSON number ({@code 990}, {@code 990.5}) or a decimal string ({@code "990.50"}): exactly, never
 * through a double. No exponent, sign or spaces in strings; anything else is a 400 naming the field.
 */
public class AmountDeserializer extends JsonDeserializer<BigDecimal> {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,20})?");

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            String text = parser.getText();
            if (DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
            return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, parser.getNumberValue(),
                    "an amount is a plain decimal number without exponent");
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
            return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text,
                    "an amount is a decimal number such as \"990.00\"");
        }
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }
}
