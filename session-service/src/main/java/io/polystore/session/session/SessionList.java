package io.polystore.session.session;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's active sessions, oldest first (bounded by {@code SESSION_MAX_PER_USER}, so never paged). */
@Schema(name = "SessionList")
public record SessionList(@Schema(required = true) List<SessionDocument> items) {
}
