package io.polystore.mandate.archive;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArchivedSessionPage")
public record ArchivePage(@Schema(required = true) List<ArchiveView> items,
        @Schema(required = true, nullable = true, description = "pass as `cursor` for the next page; null on the last page") String nextCursor) {
}
