package io.polystore.catalog.search;

import io.polystore.rest.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into a Lucene query for the full-text index, so that nothing typed is Lucene syntax: every
 * special character ({@code + - && || ! ( ) { } [ ] ^ " ~ * ? : \ /}) is escaped, and words are lower-cased, so
 * {@code AND}, {@code OR}, {@code NOT} are plain words too. Words are alternatives (a product matching more of them
 * scores higher). A word of letters and digits with {@value #FUZZY_FROM} or more letters also matches with typos: one
 * edit (an insertion, a deletion, a substitution or two letters swapped) up to 7 characters, two from 8 ({@code arsito}
 * finds Aristo). Words with no letter or digit are dropped (the index's analyzer would drop them too).
 */
public final class SearchQuery {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 16;
    static final int FUZZY_FROM = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SEARCHABLE = Pattern.compile(".*[\\p{L}\\p{N}].*");
    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private SearchQuery() {
    }

    /** The Lucene query for {@code q}; a 400 naming {@code q} when it is empty, too long or has no word. */
    public static String lucene(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badField("q", "must not be empty");
        }
        if (q.codePointCount(0, q.length()) > MAX_LENGTH) {
            throw ProblemException.badField("q", "at most " + MAX_LENGTH + " characters");
        }
        List<String> clauses = new ArrayList<>();
        for (String token : q.strip().split("\\s+")) {
            String word = token.toLowerCase(Locale.ROOT);
            if (!SEARCHABLE.matcher(word).matches()) {
                continue;
            }
            if (clauses.size() == MAX_WORDS) {
                throw ProblemException.badField("q", "at most " + MAX_WORDS + " words");
            }
            if (WORD.matcher(word).matches() && word.codePoints().filter(Character::isLetter).count() >= FUZZY_FROM) {
                clauses.add(word + " " + word + "~" + (word.length() >= 8 ? 2 : 1));
            } else {
                clauses.add(escape(word));
            }
        }
        if (clauses.isEmpty()) {
            throw ProblemException.badField("q", "has no word to search for (letters or digits)");
        }
        return String.join(" ", clauses);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
