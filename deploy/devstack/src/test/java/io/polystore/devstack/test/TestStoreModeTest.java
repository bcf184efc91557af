package io.polystore.devstack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestStoreModeTest {

    @Test
    void embeddedUnlessContainersAreAskedFor() {
        assertEquals(TestStoreMode.EMBEDDED, TestStoreMode.parse(null));
        assertEquals(TestStoreMode.EMBEDDED, TestStoreMode.parse(" "));
        assertEquals(TestStoreMode.EMBEDDED, TestStoreMode.parse("embedded"));
        assertEquals(TestStoreMode.CONTAINERS, TestStoreMode.parse("containers"));
        assertEquals(TestStoreMode.CONTAINERS, TestStoreMode.parse(" Containers "));
    }

    @Test
    void aTypoIsRefusedNotIgnored() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestStoreMode.parse("container"));
        assertTrue(refused.getMessage().contains("POLYSTORE_TEST_STORES=container"), refused.getMessage());
    }
}
