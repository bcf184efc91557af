package io.polystore.devstack.store;

import java.util.regex.Pattern;

/**
 * SQL identifiers and passwords for CREATE DATABASE / CREATE USER cannot be bind parameters, so they are checked
 * against a strict pattern before they are written into a statement.
 */
final class Names {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_.@%+=:,-]{1,128}");

    private Names() {
    }

    static String identifier(String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + value);
        }
        return value;
    }

    static String password(String value) {
        if (value == null || !PASSWORD.matcher(value).matches()) {
            throw new IllegalArgumentException("password must match " + PASSWORD.pattern());
        }
        return value;
    }
}
