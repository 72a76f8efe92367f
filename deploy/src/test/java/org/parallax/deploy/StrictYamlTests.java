package org.parallax.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The validator itself: a manifest with a typo must fail, naming what is wrong. */
class StrictYamlTests {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              %s: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: parallax
            """;

    @Test
    void bindsAValidDeploymentToTheTypedModel() {
        var object = StrictYaml.kubernetesObject("ok.yaml", StrictYaml.tree("ok.yaml", DEPLOYMENT.formatted("replicas")));
        assertThat(object).isInstanceOfSatisfying(Deployment.class,
                d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void rejectsAMisspeltField() {
        assertThatThrownBy(() -> StrictYaml.kubernetesObject("typo.yaml",
                StrictYaml.tree("typo.yaml", DEPLOYMENT.formatted("replica"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("typo.yaml: ")
                .hasMessageContaining("\"replica\"");
    }

    @Test
    void rejectsAWrongApiVersion() {
        String yaml = DEPLOYMENT.formatted("replicas").replace("apps/v1", "extensions/v1beta1");
        assertThatThrownBy(() -> StrictYaml.kubernetesObject("old.yaml", StrictYaml.tree("old.yaml", yaml)))
                .hasMessage("old.yaml: Deployment needs apiVersion apps/v1, not 'extensions/v1beta1'");
    }

    @Test
    void rejectsAnUnknownKind() {
        assertThatThrownBy(() -> StrictYaml.kubernetesObject("x.yaml",
                StrictYaml.tree("x.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")))
                .hasMessageStartingWith("x.yaml: kind 'Pod' is not one of");
    }

    @Test
    void rejectsADuplicateKey() {
        assertThatThrownBy(() -> StrictYaml.tree("dup.yaml", "a: 1\nb: 2\na: 3\n"))
                .hasMessageStartingWith("dup.yaml: not valid YAML: Duplicate field 'a'");
    }

    @Test
    void readsEveryDocumentOfAMultiDocumentFile() {
        assertThat(StrictYaml.documents("multi.yaml", "a: 1\n---\nb: 2\n---\n")).hasSize(2);
    }
}
