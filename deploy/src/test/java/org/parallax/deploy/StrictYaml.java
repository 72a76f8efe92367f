package org.parallax.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML the way a picky API server would: duplicate keys and unknown fields are errors. The
 * fabric8 model classes keep unknown fields in an "additional properties" map; removing that catch-all
 * makes a misspelt field ({@code replica:}, {@code readinesProbe:}) fail with its name and position.
 */
final class StrictYaml {

    /** The built-in kinds the manifests may use, each with the only apiVersion accepted for it. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "Deployment", Deployment.class,
            "CronJob", CronJob.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "Ingress", Ingress.class);

    private static final ObjectMapper TREES = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final ObjectMapper MODELS = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                             BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }));

    private StrictYaml() {
    }

    /** Every document of a (possibly multi-document) YAML text, as trees; empty documents are skipped. */
    static List<JsonNode> documents(String name, String yaml) {
        try (YAMLParser parser = (YAMLParser) TREES.getFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = TREES.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
            return documents;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + firstLine(e), e);
        }
    }

    /** One built-in Kubernetes object, bound to its typed model; unknown kinds and fields fail. */
    static HasMetadata kubernetesObject(String name, JsonNode document) {
        String kind = document.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(name + ": kind '" + kind + "' is not one of " + KINDS.keySet());
        }
        String expectedApiVersion = HasMetadata.getApiVersion(type);
        if (!expectedApiVersion.equals(document.path("apiVersion").asText())) {
            throw new IllegalArgumentException(name + ": " + kind + " needs apiVersion " + expectedApiVersion
                    + ", not '" + document.path("apiVersion").asText() + "'");
        }
        try {
            return MODELS.treeToValue(document, type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + firstLine(e), e);
        }
    }

    static JsonNode tree(String name, String yaml) {
        List<JsonNode> documents = documents(name, yaml);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(name + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static UncheckedIOException unreadable(String name, IOException e) {
        return new UncheckedIOException(name + ": cannot be read", e);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
