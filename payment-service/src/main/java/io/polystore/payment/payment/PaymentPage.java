package io.polystore.payment.payment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PaymentPage")
public record PaymentPage(@Schema(required = true) List<PaymentView> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
