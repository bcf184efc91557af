package io.polystore.mandate.mandate;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MandatePage")
public record MandatePage(@Schema(required = true) List<MandateView> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
