package org.parallax.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kustomize base as a whole: the kustomization, every built-in object bound to its typed model,
 * and the CloudNativePG clusters (a custom resource, kept as a tree).
 */
record KubernetesManifests(JsonNode kustomization, List<HasMetadata> objects, List<JsonNode> postgresClusters,
                           Set<String> filesOnDisk) {

    static final String CNPG_API_VERSION = "postgresql.cnpg.io/v1";

    static KubernetesManifests load(Path dir) {
        JsonNode kustomization = StrictYaml.tree("kustomization.yaml", DeployFiles.read(dir.resolve("kustomization.yaml")));
        List<HasMetadata> objects = new ArrayList<>();
        List<JsonNode> clusters = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            String name = resource.asText();
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("kustomization.yaml lists " + name + ", which does not exist");
            }
            for (JsonNode document : StrictYaml.documents(name, DeployFiles.read(file))) {
                if ("Cluster".equals(document.path("kind").asText())
                        && CNPG_API_VERSION.equals(document.path("apiVersion").asText())) {
                    clusters.add(document);
                } else {
                    objects.add(StrictYaml.kubernetesObject(name, document));
                }
            }
        }
        return new KubernetesManifests(kustomization, objects, clusters, yamlFiles(dir));
    }

    Set<String> listedResources() {
        Set<String> listed = new LinkedHashSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        return listed;
    }

    Set<String> imageNames() {
        Set<String> names = new LinkedHashSet<>();
        kustomization.path("images").forEach(i -> names.add(i.path("name").asText()));
        return names;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    private static Set<String> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new LinkedHashSet<>();
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .filter(n -> !n.equals("kustomization.yaml"))
                    .sorted()
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw StrictYaml.unreadable(dir.toString(), e);
        }
    }
}
