package io.polystore.deploy.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The objects of a kustomize overlay as kubectl renders them, read into the fabric8 model. */
final class Rendered {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Rendered() {
    }

    /** Renders deploy/k8s/overlays/{overlay}; the dev overlay's throwaway Secrets are made first (make-secrets). */
    static List<HasMetadata> overlay(String overlay) throws IOException, InterruptedException {
        if (overlay.equals("dev")) {
            run(ROOT.resolve("deploy/k8s/overlays/dev/make-secrets").toString());
        }
        // A kubeconfig pointing at a dead address: without one kubectl talks to localhost:8080, the local gateway.
        Path kubeconfig = Files.createTempFile("dead-kubeconfig", ".yaml");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
                    users: [{name: none, user: {token: none}}]
                    contexts: [{name: none, context: {cluster: none, user: none}}]
                    current-context: none
                    """);
            return parse(run("kubectl", "--kubeconfig", kubeconfig.toString(), "kustomize",
                    ROOT.resolve("deploy/k8s/overlays/" + overlay).toString()));
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    /**
     * The rendering needs kubectl (and openssl for the dev overlay's Secrets), which README's quick start does not ask
     * for: without them the tests that render (an {@code @EnabledIf} on this method) show as skipped, unless
     * {@code -Dk8s-check.required=true} (deploy/check, which has both) makes their absence a failure.
     */
    static boolean toolsPresentOrRequired() {
        for (String tool : List.of("kubectl", "openssl")) {
            boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!present && Boolean.getBoolean("k8s-check.required")) {
                throw new IllegalStateException(tool + " not found, and k8s-check.required is set");
            }
            if (!present) {
                return false;
            }
        }
        return true;
    }

    /** Every document of a multi-document YAML text; a kind the model does not know is a GenericKubernetesResource. */
    static List<HasMetadata> parse(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(KubernetesResource.class).readValues(yaml)) {
            while (documents.hasNext()) {
                Object document = documents.next();
                if (document != null) {
                    objects.add((HasMetadata) document);
                }
            }
        }
        return objects;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
