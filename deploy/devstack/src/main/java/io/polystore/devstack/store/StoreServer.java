package io.polystore.devstack.store;

/**
 * A real store server started by this JVM. Closing it stops the server; its data stays where it was written.
 */
public interface StoreServer extends AutoCloseable {

    /** The port the server listens on, on 127.0.0.1. */
    int port();

    @Override
    void close();
}
