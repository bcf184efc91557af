package io.polystore.mandate.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void splitsAPlainUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://mandates:s3cret@db.internal:6543/mandates");

        assertAll(
                () -> assertEquals("db.internal", url.host()),
                () -> assertEquals(6543, url.port()),
                () -> assertEquals("mandates", url.database()),
                () -> assertEquals("mandates", url.user()),
                () -> assertEquals("s3cret", url.password()),
                () -> assertEquals("postgresql://db.internal:6543/mandates", url.reactiveUrl()),
                () -> assertEquals("jdbc:postgresql://db.internal:6543/mandates", url.jdbcUrl()));
    }

    @Test
    void givesTheFourDatasourceKeys() {
        Map<String, String> properties = DatabaseUrl.parse("postgres://u:p@h:1/d").datasourceProperties();

        assertEquals(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://h:1/d",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://h:1/d",
                "quarkus.datasource.username", "u",
                "quarkus.datasource.password", "p"), properties);
    }

    @Test
    void decodesAPercentEncodedPasswordAndKeepsPlusSigns() {
        // p@ss:w/rd%+ü#?
        DatabaseUrl url = DatabaseUrl
                .parse("postgresql://app%2Duser:p%40ss%3Aw%2Frd%25+%C3%BC%23%3F@127.0.0.1:5432/mandates");

        assertEquals("app-user", url.user());
        assertEquals("p@ss:w/rd%+ü#?", url.password());
        assertEquals("127.0.0.1", url.host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "postgres", "postgresql+asyncpg", "POSTGRESQL"})
    void acceptsTheUsualSchemes(String scheme) {
        assertEquals("postgresql://h:5432/d", DatabaseUrl.parse(scheme + "://u:p@h/d").reactiveUrl());
    }

    @Test
    void defaultsThePortTo5432() {
        assertEquals(5432, DatabaseUrl.parse("postgresql://u:p@h/d").port());
    }

    @Test
    void carriesSslModeToBothUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h:5432/d?sslmode=require");

        assertEquals("postgresql://h:5432/d?sslmode=require", url.reactiveUrl());
        assertEquals("jdbc:postgresql://h:5432/d?sslmode=require", url.jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"require", "true"})
    void takesTheSeedsSslParameterAsSslMode(String ssl) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+asyncpg://u:p@h:5432/d?ssl=" + ssl);

        assertEquals("postgresql://h:5432/d?sslmode=require", url.reactiveUrl());
    }

    @Test
    void refusesACloudSqlSocketUrlSayingWhy() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl
                .parse("postgresql+asyncpg://user:TopSecret99@/dbname?host=/cloudsql/project:region:instance"));

        assertTrue(error.getMessage().contains("Unix socket"), error.getMessage());
        assertFalse(error.getMessage().contains("Secret"), error.getMessage());
    }

    @Test
    void namesTheVariableItParses() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://u:p@h:5432/d?ssl=maybe", "READ_DB_URL"));

        assertTrue(error.getMessage().startsWith("READ_DB_URL is invalid: sslmode must be one of"),
                error.getMessage());
    }

    @Test
    void leavesOutUserAndPasswordItDoesNotCarry() {
        Map<String, String> properties = DatabaseUrl.parse("postgresql://h:5432/d").datasourceProperties();

        assertFalse(properties.containsKey("quarkus.datasource.username"));
        assertFalse(properties.containsKey("quarkus.datasource.password"));
        DatabaseUrl userOnly = DatabaseUrl.parse("postgresql://someone@h:5432/d");
        assertEquals("someone", userOnly.user());
        assertNull(userOnly.password());
    }

    @Test
    void keepsAnIpv6Host() {
        assertEquals("jdbc:postgresql://[::1]:5432/d", DatabaseUrl.parse("postgresql://u:p@[::1]:5432/d").jdbcUrl());
    }

    @Test
    void masksThePasswordInToString() {
        String shown = DatabaseUrl.parse("postgresql://u:TopSecret99@h:5432/d").toString();

        assertFalse(shown.contains("TopSecret99"), shown);
        assertEquals("postgresql://u:***@h:5432/d", shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // unencoded '/' in the password: the authority ends early
            "postgresql://u:Top/Secret99@h:5432/d",
            // unencoded '@' in the password
            "postgresql://u:Top@Secret99@h:5432/d",
            // unencoded '#': the rest becomes a fragment
            "postgresql://u:Top#Secret99@h:5432/d",
            // malformed %-escape
            "postgresql://u:TopSecret99%zz@h:5432/d",
            // space
            "postgresql://u:Top Secret99@h:5432/d",
            // wrong scheme
            "mysql://u:TopSecret99@h:5432/d",
            // no database
            "postgresql://u:TopSecret99@h:5432",
            "postgresql://u:TopSecret99@h:5432/",
            // unsupported parameter, bad sslmode
            "postgresql://u:TopSecret99@h:5432/d?password=TopSecret99",
            "postgresql://u:TopSecret99@h:5432/d?sslmode=TopSecret99",
            // empty user
            "postgresql://:TopSecret99@h:5432/d",
            // not a URL at all
            "TopSecret99",
            // port out of range
            "postgresql://u:TopSecret99@h:99999/d"})
    void rejectsABadUrlWithoutPrintingThePassword(String value) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(value));

        assertTrue(error.getMessage().startsWith("DATABASE_URL is invalid: "), error.getMessage());
        assertTrue(error.getMessage().contains("postgresql://user:password@host:port/database"), error.getMessage());
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("Secret"), t.getMessage());
        }
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://u:p@h:5432"))
                .getMessage().contains("names no database"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://u:p@h/d"))
                .getMessage().contains("scheme"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("  "))
                .getMessage().contains("empty"));
    }
}
