package io.polystore.catalog.transfer;

/** What is wrong with one line of an import file (lines count from 1). */
public record LineError(long line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
