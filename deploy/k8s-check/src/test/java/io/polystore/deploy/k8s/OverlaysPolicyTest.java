package io.polystore.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** deploy/k8s/overlays/dev and prod as kubectl renders them keep the policies of README "Deploying". */
@EnabledIf(value = "io.polystore.deploy.k8s.Rendered#toolsPresentOrRequired", disabledReason = "kubectl or openssl not found: deploy/check runs these")
class OverlaysPolicyTest {

    static final List<String> SERVICES = List.of("gateway", "incident-service", "mandate-service", "session-service",
            "catalog-service", "payment-service");
    /** The Secrets the prod overlay expects to exist (README, Deploying: required Secrets). */
    static final Set<String> PROD_SECRETS = Set.of("polystore-identity", "gateway-store", "incident-service-store",
            "mandate-service-store", "mandate-service-secret-key", "session-service-store", "catalog-service-store",
            "payment-service-store");
    /**
     * Per service, the variables it does not start (or cannot do its work) without: the README configuration tables'
     * required rows, and the addresses of the services it calls (their defaults point at 127.0.0.1).
     */
    static final Map<String, Set<String>> REQUIRED_ENV = Map.of(
            "gateway",
            Set.of("GATEWAY_IDENTITY_PRIVATE_KEY", "REDIS_URL", "INCIDENT_SERVICE_URL", "MANDATE_SERVICE_URL",
                    "SESSION_SERVICE_URL", "CATALOG_SERVICE_URL", "PAYMENT_SERVICE_URL"),
            "incident-service", Set.of("IDENTITY_PUBLIC_KEYS", "DB_HOST", "DB_PASSWORD"),
            "mandate-service", Set.of("IDENTITY_PUBLIC_KEYS", "POSTGRES_HOST", "POSTGRES_PASSWORD", "SECRET_KEY"),
            "session-service", Set.of("IDENTITY_PUBLIC_KEYS", "REDIS_URL", "GATEWAY_IDENTITY_PRIVATE_KEY",
                    "MANDATE_SERVICE_URL", "CATALOG_SERVICE_URL"),
            "catalog-service", Set.of("IDENTITY_PUBLIC_KEYS", "NEO4J_URI", "NEO4J_PASSWORD"),
            "payment-service", Set.of("IDENTITY_PUBLIC_KEYS", "DB_HOST", "DB_PASSWORD", "REDIS_URL"));

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

    /** With the dev overlay's Secrets rendered, every variable a service needs reaches its container. */
    @Test
    void everyServiceGetsTheVariablesItCannotStartWithout() {
        for (String service : SERVICES) {
            Set<String> missing = new HashSet<>(REQUIRED_ENV.get(service));
            missing.removeAll(environment(dev, service));
            assertEquals(Set.of(), missing, service + " lacks");
        }
        Map<String, String> mandateConfig = configMap(prod, "mandate-service-config");
        assertEquals("false", mandateConfig.get("WEBHOOK_ALLOW_PRIVATE_TARGETS"),
                "webhooks never reach private targets");
        assertEquals("http://catalog-service:8084",
                configMap(prod, "session-service-config").get("CATALOG_SERVICE_URL"));
    }

    /** The calls between services pass both the caller's egress and the callee's ingress policies. */
    @Test
    void sessionServiceReachesMandateAndCatalogService() {
        for (List<HasMetadata> overlay : List.of(dev, prod)) {
            assertTrue(allowed(overlay, "session-service", "mandate-service", 8082),
                    "session-service -> mandate-service");
            assertTrue(allowed(overlay, "session-service", "catalog-service", 8084),
                    "session-service -> catalog-service");
            assertFalse(allowed(overlay, "session-service", "payment-service", 8085), "nothing else is open");
        }
    }

    private static Set<String> environment(List<HasMetadata> overlay, String service) {
        var container = overlay.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(service)).findFirst().orElseThrow().getSpec()
                .getTemplate().getSpec().getContainers().get(0);
        Set<String> names = new HashSet<>();
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(env -> names.add(env.getName()));
        for (var from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                names.addAll(configMap(overlay, from.getConfigMapRef().getName()).keySet());
            }
            if (from.getSecretRef() != null) {
                overlay.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                        .filter(secret -> secret.getMetadata().getName().equals(from.getSecretRef().getName()))
                        .forEach(secret -> names.addAll(secret.getData().keySet()));
            }
        }
        return names;
    }

    /** A ConfigMap by its base name (kustomize appends a content hash). */
    private static Map<String, String> configMap(List<HasMetadata> overlay, String name) {
        return overlay.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name) || c.getMetadata().getName().startsWith(name + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("ConfigMap " + name)).getData();
    }

    private static boolean allowed(List<HasMetadata> overlay, String from, String to, int port) {
        Map<String, String> fromPod = podLabels(overlay, from);
        Map<String, String> toPod = podLabels(overlay, to);
        List<NetworkPolicy> policies = overlay.stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
        boolean egress = policies.stream().filter(p -> ManifestPolicy.matches(p.getSpec().getPodSelector(), fromPod))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                .anyMatch(rule -> admits(rule.getTo(), toPod) && opens(rule.getPorts(), port));
        boolean ingress = policies.stream().filter(p -> ManifestPolicy.matches(p.getSpec().getPodSelector(), toPod))
                .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                .anyMatch(rule -> admits(rule.getFrom(), fromPod) && opens(rule.getPorts(), port));
        return egress && ingress;
    }

    /** Peers given by pod selector only (same namespace); no peers at all admits everyone. */
    private static boolean admits(List<NetworkPolicyPeer> peers, Map<String, String> pod) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peer.getPodSelector() != null
                && peer.getNamespaceSelector() == null && ManifestPolicy.matches(peer.getPodSelector(), pod));
    }

    private static boolean opens(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty()
                || ports.stream()
                        .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal()));
    }

    private static Map<String, String> podLabels(List<HasMetadata> overlay, String service) {
        return overlay.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(service)).findFirst().orElseThrow().getSpec()
                .getTemplate().getMetadata().getLabels();
    }
}
