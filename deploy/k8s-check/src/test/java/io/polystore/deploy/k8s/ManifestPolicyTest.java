package io.polystore.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy check finds what it promises to find (so a green OverlaysPolicyTest means something). */
class ManifestPolicyTest {

    private static final String BARE_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: bare}
            spec:
              selector: {matchLabels: {app: bare}}
              template:
                metadata: {labels: {app: other}}
                spec:
                  containers:
                    - name: app
                      image: x
                      envFrom: [{secretRef: {name: missing-secret}}]
                      securityContext: {readOnlyRootFileSystem: true}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """;

    @Test
    void findsMissingHardeningUnknownFieldsUnknownKindsDanglingReferencesAndBadSelectors() throws Exception {
        List<String> violations = new ManifestPolicy(Set.of()).violations(Rendered.parse(BARE_DEPLOYMENT));
        assertEquals(List.of(
                "Deployment/bare: unknown field spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem",
                "Widget/w: kind unknown to the Kubernetes model",
                "Deployment/bare container app: needs liveness, readiness and startup probes",
                "Deployment/bare container app: needs cpu and memory limits and a memory request",
                "Deployment/bare container app: runAsNonRoot must be true",
                "Deployment/bare container app: allowPrivilegeEscalation must be false",
                "Deployment/bare container app: readOnlyRootFilesystem must be true (or the pod annotated "
                        + "polystore.io/writable-root-filesystem with the reason)",
                "Deployment/bare container app: must drop ALL capabilities and add none",
                "Deployment/bare container app: seccompProfile must be RuntimeDefault",
                "Deployment/bare: Secret missing-secret not found",
                "Deployment/bare: selector does not match its pod template's labels"), violations);
    }

    @Test
    void anExpectedExternalSecretIsNotAViolation() throws Exception {
        List<String> violations = new ManifestPolicy(Set.of("missing-secret"))
                .violations(Rendered.parse(BARE_DEPLOYMENT));
        assertEquals(0, violations.stream().filter(v -> v.contains("missing-secret")).count());
    }
}
