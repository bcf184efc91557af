package io.polystore.rest.concurrency;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write's {@code If-Match} precondition (RFC 9110 § 13.1.1) against a versioned resource whose {@code ETag} is its
 * version as a strong entity tag: version 3 is {@code ETag: "3"}.
 * <ul>
 * <li>absent: no precondition; a concurrent change is still detected ({@link ConcurrentChange}), as a 409;</li>
 * <li>{@code *}: any current version;</li>
 * <li>one or more entity tags, comma-separated (also over several header lines): the current version must be one of
 * them, by strong comparison, so a weak tag ({@code W/"3"}) never matches; otherwise 412.</li>
 * </ul>
 * A header that is not entity-tag syntax is a 400 naming {@code If-Match}: ignoring it would apply the change without
 * the precondition the client asked for.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    public static final String ETAG = "ETag";

    /** No {@code If-Match} header. */
    public static final IfMatch ABSENT = new IfMatch(false, false, Set.of());

    /** {@code If-Match: *}. */
    public static final IfMatch ANY = new IfMatch(true, true, Set.of());

    /** One entity tag of a list: optional weakness indicator, then a quoted opaque tag (RFC 9110 § 8.8.3). */
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final boolean present;
    private final boolean any;
    private final Set<Long> versions;

    private IfMatch(boolean present, boolean any, Set<Long> versions) {
        this.present = present;
        this.any = any;
        this.versions = versions;
    }

    /** The strong entity tag of {@code version}, quoted, as the {@code ETag} header carries it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param lines
     *            the header's lines as received (null or empty: no precondition)
     */
    public static IfMatch parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return ABSENT;
        }
        String value = String.join(",", lines);
        if (value.strip().equals("*")) {
            return ANY;
        }
        // #entity-tag: elements separated by commas and optional whitespace; a tag itself may contain a comma
        List<Long> strong = new ArrayList<>();
        Matcher tag = ENTITY_TAG.matcher(value);
        int at = 0;
        boolean any = false;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ',' || c == ' ' || c == '\t') {
                at++;
                continue;
            }
            tag.region(at, value.length());
            if (!tag.lookingAt()) {
                throw invalid();
            }
            any = true;
            boolean weak = tag.group(1) != null;
            String opaque = tag.group(2);
            if (!weak && VERSION.matcher(opaque).matches()) {
                strong.add(Long.parseLong(opaque));
            }
            // a weak tag, or a tag this service never hands out, is valid syntax that matches no version
            at = tag.end();
            if (at < value.length() && value.charAt(at) != ',' && value.charAt(at) != ' '
                    && value.charAt(at) != '\t') {
                throw invalid();
            }
        }
        if (!any) {
            throw invalid();
        }
        return new IfMatch(true, false, Set.copyOf(strong));
    }

    public boolean present() {
        return present;
    }

    public boolean matches(long currentVersion) {
        return !present || any || versions.contains(currentVersion);
    }

    /**
     * Fails with 412 unless the current version satisfies the precondition.
     *
     * @param what
     *            names the resource in the problem, e.g. {@code incident 7}
     */
    public void require(long currentVersion, String what) {
        if (!matches(currentVersion)) {
            throw preconditionFailed(what);
        }
    }

    /** 412: the client's version is not (or no longer) the current one; nothing was applied. */
    public static ProblemException preconditionFailed(String what) {
        return new ProblemException(Problem.of(Response.Status.PRECONDITION_FAILED, what
                + " has changed since the version named in If-Match; nothing was applied: GET it again and retry with "
                + "its ETag"));
    }

    private static ProblemException invalid() {
        return ProblemException.badField(HEADER,
                "must be * or a list of entity tags as the ETag header gives them, e.g. \"3\"");
    }

    @Override
    public String toString() {
        return !present ? "IfMatch[absent]" : any ? "IfMatch[*]" : "IfMatch" + versions;
    }
}
