package io.polystore.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The policies every rendered overlay keeps (README, Deploying): each returns human-readable violations naming the
 * object, so a failing test says what to fix.
 *
 * @param externalSecrets
 *            Secrets the overlay expects to exist in the cluster (prod); every other Secret and every ConfigMap a pod
 *            names must be part of the rendering, with the keys it names
 */
record ManifestPolicy(Set<String> externalSecrets) {

    /** Names a pod template may carry to run with a writable root filesystem, with the reason as its value. */
    static final String WRITABLE_ROOT = "polystore.io/writable-root-filesystem";

    List<String> violations(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            String name = describe(object);
            if (object instanceof GenericKubernetesResource) {
                violations.add(name + ": kind unknown to the Kubernetes model");
                continue;
            }
            List<String> unknown = new ArrayList<>();
            UnknownFields.collect(object, "", unknown);
            unknown.forEach(path -> violations.add(name + ": unknown field " + path));
        }
        workloads(objects, (name, template) -> {
            containers(name, template, violations);
            references(name, template, objects, violations);
        });
        selectors(objects, violations);
        return violations;
    }

    private static void containers(String workload, PodTemplateSpec template, List<String> violations) {
        var pod = template.getSpec();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext())
                .orElseGet(PodSecurityContext::new);
        boolean writableRootAllowed = !Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of())
                .getOrDefault(WRITABLE_ROOT, "").isBlank();
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        for (Container container : all) {
            String where = workload + " container " + container.getName();
            if (container.getLivenessProbe() == null || container.getReadinessProbe() == null
                    || container.getStartupProbe() == null) {
                violations.add(where + ": needs liveness, readiness and startup probes");
            }
            var resources = container.getResources();
            if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey("cpu")
                    || !resources.getLimits().containsKey("memory") || resources.getRequests() == null
                    || !resources.getRequests().containsKey("memory")) {
                violations.add(where + ": needs cpu and memory limits and a memory request");
            }
            SecurityContext security = Optional.ofNullable(container.getSecurityContext())
                    .orElseGet(SecurityContext::new);
            if (!Boolean.TRUE
                    .equals(Optional.ofNullable(security.getRunAsNonRoot()).orElse(podSecurity.getRunAsNonRoot()))) {
                violations.add(where + ": runAsNonRoot must be true");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                violations.add(where + ": must not be privileged");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()) && !writableRootAllowed) {
                violations.add(where + ": readOnlyRootFilesystem must be true (or the pod annotated " + WRITABLE_ROOT
                        + " with the reason)");
            }
            if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                    || !security.getCapabilities().getDrop().contains("ALL")
                    || !Optional.ofNullable(security.getCapabilities().getAdd()).orElse(List.of()).isEmpty()) {
                violations.add(where + ": must drop ALL capabilities and add none");
            }
            var seccomp = Optional.ofNullable(security.getSeccompProfile()).orElse(podSecurity.getSeccompProfile());
            if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                violations.add(where + ": seccompProfile must be RuntimeDefault");
            }
        }
    }

    /** Every ConfigMap and Secret a pod names exists in the rendering, with the keys it names. */
    private void references(String workload, PodTemplateSpec template, List<HasMetadata> objects,
            List<String> violations) {
        Map<String, Set<String>> configMaps = new HashMap<>();
        Map<String, Set<String>> secrets = new HashMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof ConfigMap map) {
                configMaps.put(map.getMetadata().getName(), keys(map.getData(), map.getBinaryData()));
            } else if (object instanceof Secret secret) {
                secrets.put(secret.getMetadata().getName(), keys(secret.getData(), secret.getStringData()));
            }
        }
        BiConsumer<String, String> configMap = (name, key) -> {
            if (!configMaps.containsKey(name) || (key != null && !configMaps.get(name).contains(key))) {
                violations.add(workload + ": ConfigMap " + name + (key == null ? "" : " key " + key) + " not found");
            }
        };
        BiConsumer<String, String> secret = (name, key) -> {
            if (externalSecrets.contains(name)) {
                return;
            }
            if (!secrets.containsKey(name) || (key != null && !secrets.get(name).contains(key))) {
                violations.add(workload + ": Secret " + name + (key == null ? "" : " key " + key) + " not found");
            }
        };
        var pod = template.getSpec();
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        for (Container container : all) {
            for (var from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                if (from.getConfigMapRef() != null) {
                    configMap.accept(from.getConfigMapRef().getName(), null);
                }
                if (from.getSecretRef() != null) {
                    secret.accept(from.getSecretRef().getName(), null);
                }
            }
            for (var env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                var source = env.getValueFrom();
                if (source != null && source.getConfigMapKeyRef() != null) {
                    configMap.accept(source.getConfigMapKeyRef().getName(), source.getConfigMapKeyRef().getKey());
                }
                if (source != null && source.getSecretKeyRef() != null) {
                    secret.accept(source.getSecretKeyRef().getName(), source.getSecretKeyRef().getKey());
                }
            }
        }
        for (var volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            if (volume.getSecret() != null) {
                var items = Optional.ofNullable(volume.getSecret().getItems()).orElse(List.of());
                secret.accept(volume.getSecret().getSecretName(), null);
                items.forEach(item -> secret.accept(volume.getSecret().getSecretName(), item.getKey()));
            }
            if (volume.getConfigMap() != null) {
                var items = Optional.ofNullable(volume.getConfigMap().getItems()).orElse(List.of());
                configMap.accept(volume.getConfigMap().getName(), null);
                items.forEach(item -> configMap.accept(volume.getConfigMap().getName(), item.getKey()));
            }
        }
    }

    /** Selectors select something: workloads their own pods, Services/PDBs/NetworkPolicies some pods, and so on. */
    private static void selectors(List<HasMetadata> objects, List<String> violations) {
        List<Map<String, String>> podLabels = new ArrayList<>();
        workloads(objects, (name, template) -> podLabels.add(template.getMetadata().getLabels()));
        for (HasMetadata object : objects) {
            String name = describe(object);
            if (object instanceof Deployment deployment) {
                ownPods(name, deployment.getSpec().getSelector(), deployment.getSpec().getTemplate(), violations);
            } else if (object instanceof StatefulSet set) {
                ownPods(name, set.getSpec().getSelector(), set.getSpec().getTemplate(), violations);
            } else if (object instanceof Service service) {
                Map<String, String> selector = service.getSpec().getSelector();
                if (selector == null || podLabels.stream().noneMatch(labels -> contains(labels, selector))) {
                    violations.add(name + ": selector " + selector + " selects no pod");
                }
            } else if (object instanceof PodDisruptionBudget budget) {
                selectsSomePod(name, budget.getSpec().getSelector(), podLabels, violations);
            } else if (object instanceof NetworkPolicy policy) {
                LabelSelector selector = policy.getSpec().getPodSelector();
                if (!selectsEveryPod(selector)) {
                    selectsSomePod(name, selector, podLabels, violations);
                }
            } else if (object instanceof HorizontalPodAutoscaler autoscaler) {
                var target = autoscaler.getSpec().getScaleTargetRef();
                if (objects.stream().noneMatch(o -> o.getKind().equals(target.getKind())
                        && o.getMetadata().getName().equals(target.getName()))) {
                    violations.add(name + ": scale target " + target.getKind() + "/" + target.getName() + " missing");
                }
            } else if (object instanceof ServiceMonitor monitor) {
                LabelSelector selector = monitor.getSpec().getSelector();
                if (objects.stream()
                        .noneMatch(o -> o instanceof Service && matches(selector, o.getMetadata().getLabels()))) {
                    violations.add(name + ": selects no Service");
                }
            }
        }
    }

    static boolean selectsEveryPod(LabelSelector selector) {
        return Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).isEmpty()
                && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).isEmpty();
    }

    private static void ownPods(String name, LabelSelector selector, PodTemplateSpec template,
            List<String> violations) {
        if (selector == null || !matches(selector, template.getMetadata().getLabels())) {
            violations.add(name + ": selector does not match its pod template's labels");
        }
    }

    private static void selectsSomePod(String name, LabelSelector selector, List<Map<String, String>> pods,
            List<String> violations) {
        if (selector == null || pods.stream().noneMatch(labels -> matches(selector, labels))) {
            violations.add(name + ": selects no pod");
        }
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = Optional.ofNullable(labels).orElse(Map.of());
        if (selector.getMatchLabels() != null && !contains(actual, selector.getMatchLabels())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions())
                .orElse(List.of())) {
            String value = actual.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> !requirement.getValues().contains(value);
                case "Exists" -> actual.containsKey(requirement.getKey());
                case "DoesNotExist" -> !actual.containsKey(requirement.getKey());
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> wanted) {
        return labels != null
                && wanted.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    static void workloads(List<HasMetadata> objects, BiConsumer<String, PodTemplateSpec> each) {
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                each.accept(describe(object), deployment.getSpec().getTemplate());
            } else if (object instanceof StatefulSet set) {
                each.accept(describe(object), set.getSpec().getTemplate());
            }
        }
    }

    private static Set<String> keys(Map<String, String> first, Map<String, String> second) {
        Set<String> keys = new java.util.HashSet<>(Optional.ofNullable(first).orElse(Map.of()).keySet());
        keys.addAll(Optional.ofNullable(second).orElse(Map.of()).keySet());
        return keys;
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
