package io.polystore.catalog.transfer;

/** A record read from an import file, with the line it came from. */
public record Numbered<T>(long line, T value) {
}
