package io.polystore.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polystore.rest.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void longWordsGetATypoTolerantAlternative() {
        assertEquals("aristo aristo~1", SearchQuery.lucene("Aristo"));
        assertEquals("robustfeed robustfeed~2 500ix", SearchQuery.lucene("  RobustFeed   500ix "));
        assertEquals("mig", SearchQuery.lucene("MIG"));
    }

    @Test
    void luceneSyntaxIsEscapedAndOperatorsAreWords() {
        assertEquals("name\\:\\\"x\\\" and", SearchQuery.lucene("name:\"x\" AND *"));
        assertEquals("\\(gmaw\\)", SearchQuery.lucene("(GMAW)"));
        assertEquals("a\\&\\&b c\\|\\|d \\+e \\-f g\\~ h\\^2 \\[i\\] \\{j\\} k\\? l\\* m\\/n o\\\\p \\!q",
                SearchQuery.lucene("a&&b c||d +e -f g~ h^2 [i] {j} k? l* m/n o\\p !q"));
        assertEquals("or not", SearchQuery.lucene("OR NOT"));
    }

    @Test
    void emptyOverlongOrWordlessQueriesAreRefused() {
        for (String q : new String[]{null, "", "   ", "* ~ \"", "x".repeat(SearchQuery.MAX_LENGTH + 1),
                "w ".repeat(SearchQuery.MAX_WORDS + 1)}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> SearchQuery.lucene(q));
            assertEquals(400, refused.problem().status());
            assertEquals("q", refused.problem().errors().get(0).field());
        }
        assertEquals("x".repeat(SearchQuery.MAX_LENGTH) + " " + "x".repeat(SearchQuery.MAX_LENGTH) + "~2",
                SearchQuery.lucene("x".repeat(SearchQuery.MAX_LENGTH)));
    }
}
