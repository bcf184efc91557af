package io.polystore.rest.http;

/**
 * Numeric ids in paths: ASCII digits only, at most 18 (fits a {@code long}). JAX-RS converts a path parameter with
 * {@code Long.valueOf}, which also reads other scripts' digits ({@code ٣٠٩} is 309) and a leading {@code +}; with this
 * pattern in the path template such a path matches no resource: 404, as an unknown id. Use it as {@code @Path("/{id: "
 * + Ids.PATTERN + "}")}.
 */
public final class Ids {

    public static final String PATTERN = "[0-9]{1,18}";

    private Ids() {
    }
}
