package io.polystore.mandate.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Uuids;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public keys each tenant registered for issuer DIDs; a tenant sees and uses only its own. */
@ApplicationScoped
public class IssuerKeys {

    private final Db db;
    private final Clock clock;

    IssuerKeys(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<IssuerKeyView> register(String tenantId, RegisterIssuerKeyRequest request) {
        JWK key = publicKey(request.jwk());
        String thumbprint;
        try {
            thumbprint = key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw ProblemException.badField("jwk", "has no thumbprint: " + e.getMessage());
        }
        UUID id = Uuids.next(clock);
        Instant now = Times.now(clock);
        return db.inTransaction(connection -> connection.preparedQuery("INSERT INTO issuer_keys"
                + " (id, tenant_id, issuer_did, thumbprint, jwk, created_at) VALUES ($1, $2, $3, $4, $5, $6)"
                + " ON CONFLICT DO NOTHING RETURNING " + IssuerKeyView.COLUMNS)
                .execute(Tuple.of(id, tenantId, request.issuerDid(), thumbprint, key.toJSONString(), Times.param(now)))
                .map(rows -> {
                    IssuerKeyView created = Db.first(rows, IssuerKeyView::of);
                    if (created == null) {
                        throw ProblemException.conflict("this key is already registered for " + request.issuerDid());
                    }
                    return created;
                }));
    }

    public Uni<List<IssuerKeyView>> list(String tenantId, String issuerDid) {
        return db.read("SELECT " + IssuerKeyView.COLUMNS + " FROM issuer_keys WHERE tenant_id = $1"
                + " AND ($2::text IS NULL OR issuer_did = $2) ORDER BY id LIMIT 1000", Tuple.of(tenantId, issuerDid))
                .map(rows -> Db.map(rows, IssuerKeyView::of));
    }

    public Uni<Void> delete(String tenantId, UUID id) {
        return db.inTransaction(connection -> connection
                .preparedQuery("DELETE FROM issuer_keys WHERE tenant_id = $1 AND id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("issuer key " + id);
                    }
                    return null;
                }));
    }

    /** The registered keys of one issuer, on {@code client} (the transaction that verifies). */
    public Uni<List<JWK>> keysOf(SqlClient client, String tenantId, String issuerDid) {
        return client.preparedQuery("SELECT jwk FROM issuer_keys WHERE tenant_id = $1 AND issuer_did = $2")
                .execute(Tuple.of(tenantId, issuerDid)).map(rows -> Db.map(rows, row -> {
                    try {
                        return JWK.parse(row.getString("jwk"));
                    } catch (ParseException e) {
                        throw new IllegalStateException("a stored issuer key does not parse", e);
                    }
                }));
    }

    /** A public Ed25519 or P-256 JWK; a private key is refused (it must never be sent, let alone stored). */
    static JWK publicKey(Map<String, Object> json) {
        JWK key;
        try {
            key = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw ProblemException.badField("jwk", "is not a JWK (RFC 7517)");
        }
        if (key.isPrivate()) {
            throw ProblemException.badField("jwk", "holds a private key: register the public key only");
        }
        try {
            if (CredentialVerifier.verifierFor(key) == null) {
                throw ProblemException.badField("jwk", "must be an Ed25519 (OKP) or P-256 (EC) key");
            }
        } catch (JOSEException e) {
            throw ProblemException.badField("jwk", "is not a usable public key");
        }
        return key.toPublicJWK();
    }
}
