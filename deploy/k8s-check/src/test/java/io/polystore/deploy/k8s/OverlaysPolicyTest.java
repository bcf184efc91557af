package io.polystore.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/k8s/overlays/dev and prod as kubectl renders them keep the policies of README "Deploying". */
class OverlaysPolicyTest {

    static final List<String> SERVICES = List.of("gateway", "incident-service", "mandate-service", "session-service",
            "catalog-service", "payment-service");
    /** The Secrets the prod overlay expects to exist (README, Deploying: required Secrets). */
    static final Set<String> PROD_SECRETS = Set.of("polystore-identity", "gateway-store", "incident-service-store",
            "mandate-service-store", "session-service-store", "catalog-service-store", "payment-service-store");

    static List<HasMetadata> dev;
    static List<HasMetadata> prod;

    @BeforeAll
    static void render() throws Exception {
        dev = Rendered.overlay("dev");
        prod = Rendered.overlay("prod");
    }

    @Test
    void devKeepsEveryPolicyAndEveryReferenceResolves() {
        assertEquals(List.of(), new ManifestPolicy(Set.of()).violations(dev));
    }

    @Test
    void prodKeepsEveryPolicyAndNamesOnlyTheDocumentedSecrets() {
        assertEquals(List.of(), new ManifestPolicy(PROD_SECRETS).violations(prod));
        assertTrue(prod.stream().noneMatch(o -> o.getKind().equals("Secret")), "prod ships no Secret values");
        assertTrue(prod.stream().noneMatch(o -> o.getKind().equals("StatefulSet")), "prod uses managed stores");
    }

    @Test
    void everyServiceHasADisruptionBudgetAndTheNamespaceDeniesByDefault() {
        for (List<HasMetadata> overlay : List.of(dev, prod)) {
            Set<String> budgets = overlay.stream().filter(PodDisruptionBudget.class::isInstance)
                    .map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
            assertTrue(budgets.containsAll(SERVICES), "PDBs: " + budgets);
            NetworkPolicy deny = overlay.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                    .filter(p -> p.getMetadata().getName().equals("default-deny")).findFirst().orElseThrow();
            assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
            assertTrue(ManifestPolicy.selectsEveryPod(deny.getSpec().getPodSelector()),
                    "default-deny selects every pod");
            assertTrue(overlay.stream().anyMatch(o -> o.getKind().equals("HorizontalPodAutoscaler")
                    && o.getMetadata().getName().equals("gateway")));
        }
    }

    @Test
    void gracePeriodCoversPreStopAndTheShutdownTimeout() {
        ConfigMap common = prod.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith("polystore-common")).findFirst().orElseThrow();
        long shutdown = Duration
                .parse("PT" + common.getData().get("SHUTDOWN_TIMEOUT").toUpperCase(java.util.Locale.ROOT))
                .toSeconds();
        List<Deployment> deployments = prod.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .toList();
        assertEquals(SERVICES.size(), deployments.size());
        for (Deployment deployment : deployments) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            long preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
            assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + shutdown,
                    deployment.getMetadata().getName() + ": grace " + pod.getTerminationGracePeriodSeconds()
                            + " s must exceed preStop " + preStop + " s + shutdown " + shutdown + " s");
        }
    }

    @Test
    void devRedisNeverEvictsSessions() {
        ConfigMap redis = dev.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().startsWith("redis-config")).findFirst().orElseThrow();
        assertTrue(redis.getData().get("redis.conf").lines().anyMatch("maxmemory-policy noeviction"::equals));
    }
}
