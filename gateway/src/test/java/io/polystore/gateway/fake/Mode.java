package io.polystore.gateway.fake;

/** How a fake service behaves, as the gateway sees it. */
public enum Mode {
    /** Readiness 200 UP with its store's check UP; API requests are echoed. */
    UP,
    /** Readiness 503 DOWN with its store's check DOWN. */
    STORE_DOWN,
    /** Readiness 200 with a body that is not readiness JSON. */
    GARBAGE,
    /** Accepts connections and requests, never answers. */
    SILENT,
    /** Port closed: connections are refused. */
    CLOSED
}
