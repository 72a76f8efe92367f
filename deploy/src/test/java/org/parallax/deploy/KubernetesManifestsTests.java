package org.parallax.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base under deploy/kubernetes: every manifest binds to its typed model (so a typo fails
 * the build), and everything one manifest names - images, ports, probes, config maps, secrets, claims,
 * the database - exists in another.
 */
class KubernetesManifestsTests {

    /** Keys CloudNativePG writes into the {@code <cluster>-app} Secret it generates for the owner. */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass", "user");

    private final KubernetesManifests manifests = KubernetesManifests.load(DeployFiles.KUBERNETES);

    record Workload(String name, PodTemplateSpec template) {
        List<Container> containers() {
            return template.getSpec().getContainers();
        }
    }

    private List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        manifests.all(Deployment.class).forEach(d -> workloads.add(new Workload(d.getMetadata().getName(),
                d.getSpec().getTemplate())));
        manifests.all(CronJob.class).forEach(c -> workloads.add(new Workload(c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate())));
        return workloads;
    }

    @Test
    void kustomizationListsEveryManifestInTheFolder() {
        assertThat(manifests.listedResources()).containsExactlyInAnyOrderElementsOf(manifests.filesOnDisk());
        assertThat(manifests.objects()).allSatisfy(o -> assertThat(o.getMetadata().getName()).isNotBlank());
        assertThat(manifests.objects()).extracting(o -> o.getKind())
                .contains("Deployment", "Service", "Ingress", "PodDisruptionBudget", "ConfigMap", "Secret", "CronJob");
    }

    @Test
    void workloadsRunTheImageTheKustomizationSets() {
        JsonNode images = manifests.kustomization().path("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).path("newTag").asText()).isEqualTo(System.getProperty("parallax.version"));
        assertThat(workloads()).flatExtracting(Workload::containers).extracting(Container::getImage)
                .isNotEmpty()
                .allSatisfy(image -> assertThat(manifests.imageNames()).contains(image));
    }

    @Test
    void webPodsAreProbedOnQuarkusHealthEndpointsThroughADeclaredPort() {
        Deployment web = manifests.only(Deployment.class);
        assertThat(web.getSpec().getReplicas()).isEqualTo(2);
        for (Container container : web.getSpec().getTemplate().getSpec().getContainers()) {
            Map<String, Probe> probes = Map.of(
                    "/q/health/started", container.getStartupProbe(),
                    "/q/health/live", container.getLivenessProbe(),
                    "/q/health/ready", container.getReadinessProbe());
            probes.forEach((path, probe) -> {
                assertThat(probe).as("%s probe of %s", path, container.getName()).isNotNull();
                HTTPGetAction get = probe.getHttpGet();
                assertThat(get.getPath()).isEqualTo(path);
                assertThat(resolvePort(container, get.getPort())).as("probe port %s", get.getPort()).isPresent();
            });
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
        }
    }

    @Test
    void webPodsExposeThePortTheImageListensOn() {
        Container web = manifests.only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        int port = resolvePort(web, new IntOrString("http")).orElseThrow();
        assertThat(port).isEqualTo(Containerfile.load().exposedPort());
        ConfigMap config = manifests.named(ConfigMap.class, "parallax-config").orElseThrow();
        assertThat(config.getData()).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(port));
        assertThat(manifests.only(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @Test
    void serviceSelectsOnlyTheWebPodsAndTargetsTheirPort() {
        Service service = manifests.only(Service.class);
        Deployment web = manifests.only(Deployment.class);
        Map<String, String> selector = service.getSpec().getSelector();
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
        for (CronJob job : manifests.all(CronJob.class)) {
            Map<String, String> ingestLabels = job.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata()
                    .getLabels();
            assertThat(ingestLabels.entrySet().containsAll(selector.entrySet()))
                    .as("ingest pods must not receive web traffic").isFalse();
        }
        Container container = web.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (ServicePort port : service.getSpec().getPorts()) {
            assertThat(resolvePort(container, port.getTargetPort())).as("targetPort %s", port.getTargetPort())
                    .isPresent();
        }
    }

    @Test
    void ingressRoutesToAnExistingServicePort() {
        Ingress ingress = manifests.only(Ingress.class);
        var paths = ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).toList();
        assertThat(paths).isNotEmpty();
        for (var path : paths) {
            IngressServiceBackend backend = path.getBackend().getService();
            Service service = manifests.named(Service.class, backend.getName()).orElseThrow(
                    () -> new AssertionError("Ingress routes to missing Service " + backend.getName()));
            assertThat(service.getSpec().getPorts()).anySatisfy(p -> {
                if (backend.getPort().getName() != null) {
                    assertThat(p.getName()).isEqualTo(backend.getPort().getName());
                } else {
                    assertThat(p.getPort()).isEqualTo(backend.getPort().getNumber());
                }
            });
        }
    }

    @Test
    void disruptionBudgetCoversTheWebPodsAndStillLetsANodeDrain() {
        PodDisruptionBudget budget = manifests.only(PodDisruptionBudget.class);
        Deployment web = manifests.only(Deployment.class);
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isLessThan(web.getSpec().getReplicas());
    }

    @Test
    void everyConfigMapSecretAndClaimAWorkloadNamesExists() {
        for (Workload workload : workloads()) {
            List<Volume> volumes = workload.template().getSpec().getVolumes();
            for (Volume volume : volumes) {
                if (volume.getPersistentVolumeClaim() != null) {
                    assertThat(manifests.named(PersistentVolumeClaim.class,
                            volume.getPersistentVolumeClaim().getClaimName())).as("claim of %s", workload.name())
                            .isPresent();
                }
            }
            for (Container container : workload.containers()) {
                for (EnvFromSource from : container.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        assertThat(manifests.named(ConfigMap.class, from.getConfigMapRef().getName())).isPresent();
                    }
                    if (from.getSecretRef() != null) {
                        assertThat(secretKeys(from.getSecretRef().getName())).isPresent();
                    }
                }
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        assertThat(secretKeys(ref.getName())).as("Secret %s for %s", ref.getName(), env.getName())
                                .hasValueSatisfying(keys -> assertThat(keys).contains(ref.getKey()));
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        assertThat(manifests.named(ConfigMap.class, ref.getName())).hasValueSatisfying(
                                map -> assertThat(map.getData()).containsKey(ref.getKey()));
                    }
                }
                for (VolumeMount mount : container.getVolumeMounts()) {
                    assertThat(volumes).extracting(Volume::getName).as("mount %s", mount.getName())
                            .contains(mount.getName());
                }
            }
        }
    }

    @Test
    void datasourcePointsAtTheCloudNativePgPrimary() {
        assertThat(manifests.postgresClusters()).hasSize(1);
        JsonNode cluster = manifests.postgresClusters().get(0);
        String name = cluster.path("metadata").path("name").asText();
        JsonNode spec = cluster.path("spec");
        assertThat(spec.path("instances").asInt()).as("primary plus one replica").isEqualTo(2);
        assertThat(spec.path("storage").path("size").asText()).isNotBlank();
        JsonNode initdb = spec.path("bootstrap").path("initdb");

        String jdbcUrl = manifests.named(ConfigMap.class, "parallax-config").orElseThrow().getData()
                .get("QUARKUS_DATASOURCE_JDBC_URL");
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertThat(uri.getScheme()).isEqualTo("postgresql");
        assertThat(uri.getHost()).as("the primary's read-write Service").isEqualTo(name + "-rw");
        assertThat(uri.getPath()).isEqualTo("/" + initdb.path("database").asText());

        List<String> secretsUsed = workloads().stream().flatMap(w -> w.containers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getName().startsWith("QUARKUS_DATASOURCE_"))
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).distinct().toList();
        assertThat(secretsUsed).containsExactly(name + "-app");
    }

    @Test
    void sessionKeyIsSharedByAllReplicasAndLongEnough() {
        Container web = manifests.only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        EnvVar key = web.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"))
                .findFirst().orElseThrow();
        Secret secret = manifests.named(Secret.class, key.getValueFrom().getSecretKeyRef().getName()).orElseThrow();
        // Quarkus refuses keys under 16 characters; without a shared key each replica would invent its own.
        assertThat(secret.getStringData().get(key.getValueFrom().getSecretKeyRef().getKey())).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void shutdownFitsTheGracePeriod() {
        AppProperties app = AppProperties.load();
        long podGrace = manifests.only(Deployment.class).getSpec().getTemplate().getSpec()
                .getTerminationGracePeriodSeconds();
        assertThat(podGrace).isGreaterThan(app.shutdownSeconds());
    }

    @Test
    void ingestCronJobReadsAMountedFolder() {
        CronJob job = manifests.only(CronJob.class);
        assertThat(job.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        Container container = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getArgs()).hasSize(2).first().isEqualTo("ingest");
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains(container.getArgs().get(1));
    }

    private Optional<Set<String>> secretKeys(String name) {
        Optional<Secret> secret = manifests.named(Secret.class, name);
        if (secret.isPresent()) {
            Set<String> keys = new java.util.HashSet<>();
            Optional.ofNullable(secret.get().getData()).ifPresent(d -> keys.addAll(d.keySet()));
            Optional.ofNullable(secret.get().getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
            return Optional.of(keys);
        }
        boolean generatedByCnpg = manifests.postgresClusters().stream()
                .anyMatch(c -> name.equals(c.path("metadata").path("name").asText() + "-app"));
        return generatedByCnpg ? Optional.of(CNPG_APP_SECRET_KEYS) : Optional.empty();
    }

    private static Optional<Integer> resolvePort(Container container, IntOrString port) {
        return container.getPorts().stream()
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
    }
}
