package org.s11portal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks deploy/k8s, deploy/container/Dockerfile and docs/deployment.md offline, without a cluster: every YAML document
 * is parsed and what matters is asserted against the portal's own configuration (application.properties), so that a
 * renamed setting, a moved health endpoint or a changed port breaks this test instead of a deployment.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("deploy/k8s");
    static final Path DOCKERFILE = Path.of("deploy/container/Dockerfile");
    static final Path DOC = Path.of("docs/deployment.md");
    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");

    /** The settings production refuses to start without that are secret: they must come from a Secret. */
    static final Set<String> REQUIRED_SECRETS = Set.of("S11_DB_PASSWORD", "S11_SURVEY_NONCE_KEY", "S11_TWO_STEP_KEY");
    static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|KEY|SECRET|TOKEN");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final Pattern DEFAULT_NUMBER = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}");

    static Map<String, List<JsonNode>> byKind;
    static List<JsonNode> documents;
    static Properties properties;
    static String propertiesText;
    static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        byKind = new LinkedHashMap<>();
        for (Path file : manifestFiles()) {
            try (Reader reader = Files.newBufferedReader(file);
                    MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(reader)) {
                while (it.hasNext()) {
                    JsonNode document = it.next();
                    if (document == null || document.isNull() || document.isEmpty()) {
                        continue;
                    }
                    assertTrue(document.hasNonNull("apiVersion") && document.hasNonNull("kind")
                            && document.path("metadata").hasNonNull("name"), file + ": a document without apiVersion, kind or name");
                    documents.add(document);
                    byKind.computeIfAbsent(document.get("kind").asText(), k -> new ArrayList<>()).add(document);
                }
            }
        }
        propertiesText = Files.readString(APPLICATION_PROPERTIES);
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        dockerfile = Files.readString(DOCKERFILE);
    }

    static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
        }
    }

    // ---- what is there -------------------------------------------------------------------------------------------

    @Test
    void everyKindTheDeploymentNeedsIsThereAndNoSecretIsKeptInTheRepository() {
        for (String kind : List.of("ConfigMap", "Deployment", "PodDisruptionBudget", "Service", "Ingress",
                "MariaDB", "Database", "User", "Grant", "Backup")) {
            assertTrue(byKind.containsKey(kind), "no " + kind + " in deploy/k8s");
        }
        assertFalse(byKind.containsKey("Secret"), "a Secret in the repository: create it with kubectl (docs/deployment.md)");
    }

    @Test
    void kustomizationListsEveryManifestAndNothingElse() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(K8S.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        manifestFiles().forEach(f -> present.add(f.getFileName().toString()));
        assertEquals(present, listed, "kustomization.yaml resources against the files in deploy/k8s");
        assertEquals(deployment().at("/spec/template/spec/containers/0/image").asText(),
                kustomization.at("/images/0/name").asText(), "kustomization's images entry names the Deployment's image");
    }

    // ---- the portal's pods -----------------------------------------------------------------------------------------

    @Test
    void deploymentRunsTwoOrMoreAndNeverTakesOneAwayBeforeItsReplacementIsReady() {
        JsonNode spec = deployment().get("spec");
        assertTrue(spec.path("replicas").asInt() >= 2, "replicas: " + spec.path("replicas"));
        assertEquals("RollingUpdate", spec.at("/strategy/type").asText());
        assertEquals(0, spec.at("/strategy/rollingUpdate/maxUnavailable").asInt(-1), "maxUnavailable");
        assertTrue(spec.at("/strategy/rollingUpdate/maxSurge").asInt() >= 1, "maxSurge");
        assertTrue(contains(spec.at("/template/metadata/labels"), spec.at("/selector/matchLabels")),
                "the Deployment's selector matches its own pods");
        JsonNode podSpec = spec.at("/template/spec");
        assertTrue(podSpec.path("topologySpreadConstraints").size() > 0 || podSpec.path("affinity").has("podAntiAffinity"),
                "the instances are spread over nodes");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheManagementPort() {
        JsonNode container = container();
        int managementPort = managementPort();
        String live = healthPath("liveness-path", "live");
        String ready = healthPath("readiness-path", "ready");

        assertProbe(container, "livenessProbe", live, managementPort);
        assertProbe(container, "readinessProbe", ready, managementPort);
        assertProbe(container, "startupProbe", live, managementPort);
        JsonNode startup = container.get("startupProbe");
        int startupSeconds = startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
        assertTrue(startupSeconds >= 120, "a first start runs Liquibase (and may wait for its lock): the startup probe "
                + "allows only " + startupSeconds + " s");

        assertEquals(httpPort(), containerPort(container, "http"), "the container's http port is the portal's PORT");
        assertTrue(dockerfile.matches("(?s).*\\nEXPOSE[^\\n]*\\b" + httpPort() + "\\b.*"), "the image exposes " + httpPort());
        assertTrue(dockerfile.matches("(?s).*\\nEXPOSE[^\\n]*\\b" + managementPort + "\\b.*"), "the image exposes " + managementPort);
    }

    @Test
    void resourcesSecurityAndShutdownAreSet() {
        JsonNode container = container();
        for (String path : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            assertFalse(container.at(path).asText().isBlank(), "container " + path);
        }
        JsonNode podSpec = deployment().at("/spec/template/spec");
        assertTrue(podSpec.at("/securityContext/runAsNonRoot").asBoolean(), "runAsNonRoot");
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation");
        assertEquals(dockerfileUser(), podSpec.at("/securityContext/runAsUser").asText(), "runAsUser is the image's USER");

        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertNotNull(tmpVolume, "a writable /tmp (uploads, Vert.x cache) on a read-only root file system");
        boolean emptyDir = false;
        for (JsonNode volume : podSpec.path("volumes")) {
            emptyDir |= tmpVolume.equals(volume.path("name").asText()) && volume.has("emptyDir");
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");

        long shutdown = Duration.parse("PT" + properties.getProperty("%prod.quarkus.shutdown.timeout", "0S")).toSeconds();
        long preStop = 0;
        for (JsonNode word : container.at("/lifecycle/preStop/exec/command")) {
            if (word.asText().matches("\\d+")) {
                preStop = Long.parseLong(word.asText());
            }
        }
        assertTrue(podSpec.path("terminationGracePeriodSeconds").asLong(30) > preStop + shutdown,
                "terminationGracePeriodSeconds must cover the preStop pause (" + preStop + " s) and the portal's "
                        + "shutdown timeout (" + shutdown + " s)");
    }

    @Test
    void everySettingTheDeploymentGivesIsOneThePortalReadsAndSecretsComeFromTheSecret() {
        Map<String, JsonNode> env = environment();
        Set<String> read = readByThePortal();
        Set<String> unknown = new TreeSet<>(env.keySet());
        unknown.removeAll(read);
        assertEquals(Set.of(), unknown, "set by the Deployment but read by neither application.properties nor the image");

        Set<String> secretNames = new TreeSet<>();
        for (String name : REQUIRED_SECRETS) {
            assertTrue(env.containsKey(name), name + " is not given to the portal");
        }
        for (Map.Entry<String, JsonNode> e : env.entrySet()) {
            if (SECRET_NAME.matcher(e.getKey()).find()) {
                JsonNode ref = e.getValue().at("/valueFrom/secretKeyRef");
                assertFalse(ref.isMissingNode(), e.getKey() + " must come from a secretKeyRef, not a value");
                secretNames.add(ref.path("name").asText());
            }
        }
        assertEquals(1, secretNames.size(), "the portal's secrets all live in one Secret: " + secretNames);
    }

    @Test
    void noLiteralValueAnywhereForAPasswordKeyOrSecret() {
        List<String> found = new ArrayList<>();
        for (JsonNode document : documents) {
            String where = document.get("kind").asText() + "/" + document.at("/metadata/name").asText();
            if ("ConfigMap".equals(document.get("kind").asText())) {
                document.path("data").fieldNames().forEachRemaining(name -> {
                    if (SECRET_NAME.matcher(name).find()) {
                        found.add(where + " data " + name);
                    }
                });
            }
            walk(document, where, found);
        }
        Matcher env = Pattern.compile("(?m)^(?:ENV|ARG)\\s+([A-Za-z0-9_]+)").matcher(dockerfile);
        while (env.find()) {
            if (SECRET_NAME.matcher(env.group(1).toUpperCase()).find()) {
                found.add("Dockerfile " + env.group(1));
            }
        }
        assertEquals(List.of(), found);
    }

    /** An env entry {name, value} with a secret-looking name, or a password/secret field holding a scalar. */
    static void walk(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            if (node.has("name") && node.has("value") && SECRET_NAME.matcher(node.get("name").asText().toUpperCase()).find()) {
                found.add(where + " env " + node.get("name").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().toLowerCase();
                boolean reference = key.endsWith("ref") || key.equals("secretname");
                if ((key.contains("password") || key.contains("secret")) && !reference && field.getValue().isValueNode()) {
                    found.add(where + " " + field.getKey());
                }
                walk(field.getValue(), where, found);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, where, found));
        }
    }

    // ---- Services, disruption budget, ingress --------------------------------------------------------------------

    @Test
    void disruptionBudgetAndServicesSelectThePortalsPods() {
        JsonNode podLabels = deployment().at("/spec/template/metadata/labels");
        JsonNode pdb = only("PodDisruptionBudget");
        assertTrue(contains(podLabels, pdb.at("/spec/selector/matchLabels")), "the PodDisruptionBudget selects the pods");
        int minAvailable = pdb.at("/spec/minAvailable").asInt(0);
        assertTrue(minAvailable >= 1 && minAvailable < deployment().at("/spec/replicas").asInt(),
                "minAvailable " + minAvailable + ": at least one pod stays, and a drain can still move one");
        for (JsonNode service : byKind.get("Service")) {
            assertTrue(contains(podLabels, service.at("/spec/selector")), service.at("/metadata/name") + " selects the pods");
            for (JsonNode port : service.at("/spec/ports")) {
                assertTrue(containerPort(container(), port.path("targetPort").asText()) > 0,
                        service.at("/metadata/name") + " targets a port the container declares: " + port);
            }
        }
    }

    @Test
    void ingressRoutesOnlyThePortalsHttpPortOverTls() {
        JsonNode ingress = only("Ingress");
        assertTrue(ingress.at("/spec/tls").size() > 0, "TLS");
        Set<String> tlsHosts = new TreeSet<>();
        ingress.at("/spec/tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
        int backends = 0;
        for (JsonNode rule : ingress.at("/spec/rules")) {
            assertTrue(tlsHosts.contains(rule.path("host").asText()), "the host " + rule.path("host") + " has a certificate");
            for (JsonNode path : rule.at("/http/paths")) {
                JsonNode backend = path.at("/backend/service");
                JsonNode service = named("Service", backend.path("name").asText());
                JsonNode port = null;
                for (JsonNode p : service.at("/spec/ports")) {
                    if (p.path("name").asText().equals(backend.at("/port/name").asText())
                            || p.path("port").asInt() == backend.at("/port/number").asInt(-1)) {
                        port = p;
                    }
                }
                assertNotNull(port, "the Ingress names a port the Service " + backend.path("name") + " has");
                assertEquals(httpPort(), containerPort(container(), port.path("targetPort").asText()),
                        "the Ingress reaches only the portal's http port, never health or metrics");
                backends++;
            }
        }
        assertTrue(backends > 0, "the Ingress has a backend");
        String bodySize = ingress.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/proxy-body-size").asText();
        assertTrue(megabytes(bodySize) >= megabytes(properties.getProperty("quarkus.http.limits.max-body-size")),
                "the ingress must let through bodies as large as the portal accepts (uploads): " + bodySize);
    }

    // ---- the database ----------------------------------------------------------------------------------------------

    @Test
    void databaseIsAThreeNodeGaleraClusterAndThePortalUsesItsOwnUserOnThePrimary() {
        JsonNode mariadb = only("MariaDB");
        assertEquals("k8s.mariadb.com/v1alpha1", mariadb.get("apiVersion").asText());
        assertEquals(3, mariadb.at("/spec/replicas").asInt(), "Galera nodes");
        assertTrue(mariadb.at("/spec/galera/enabled").asBoolean(), "galera.enabled");
        assertTrue(mariadb.at("/spec/rootPasswordSecretKeyRef").has("name"), "the root password comes from a Secret");
        assertFalse(mariadb.at("/spec/storage/size").asText().isBlank(), "storage");

        Map<String, String> config = configMapData();
        String mariadbName = mariadb.at("/metadata/name").asText();
        String host = config.get("S11_DB_HOST");
        assertTrue(host.equals(mariadbName + "-primary") || mariadb.at("/spec/maxScale/enabled").asBoolean(),
                "writes go to one Galera node: S11_DB_HOST is the operator's primary Service (or MaxScale), not " + host);

        JsonNode user = only("User");
        String userName = user.at("/spec/name").asText(user.at("/metadata/name").asText());
        assertEquals(config.get("S11_DB_USER"), userName, "the portal connects as the User the operator creates");
        assertEquals(environment().get("S11_DB_PASSWORD").at("/valueFrom/secretKeyRef"), user.at("/spec/passwordSecretKeyRef"),
                "the User's password is the one the portal is given");
        JsonNode database = only("Database");
        String databaseName = database.at("/spec/name").asText(database.at("/metadata/name").asText());
        assertEquals(config.get("S11_DB_NAME"), databaseName, "the portal's database is the one the operator creates");
        JsonNode grant = only("Grant");
        assertEquals(userName, grant.at("/spec/username").asText());
        assertEquals(databaseName, grant.at("/spec/database").asText(), "the grant covers the portal's database only");
        for (JsonNode custom : List.of(user, database, grant, only("Backup"))) {
            assertEquals(mariadbName, custom.at("/spec/mariaDbRef/name").asText(), custom.get("kind") + " refers to the cluster");
        }

        JsonNode deployment = deployment();
        int pods = deployment.at("/spec/replicas").asInt() + deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt();
        int pool = Integer.parseInt(config.get("S11_DB_POOL_MAX"));
        assertTrue(user.at("/spec/maxUserConnections").asInt(10) >= pods * pool,
                "maxUserConnections must cover " + pods + " pods x " + pool + " connections (a rolling update included)");
    }

    // ---- the image and the documentation ---------------------------------------------------------------------------

    @Test
    void imageRunsAsANonRootUserAndCopiesThePackagedPortal() {
        assertTrue(dockerfile.matches("(?s).*\\nFROM [^\\n]*17[^\\n]*\\n.*"), "a Java 17 base image");
        String user = dockerfileUser();
        assertFalse(user.isBlank() || user.equals("0") || user.equals("root"), "the image runs as root: USER " + user);
        assertTrue(user.matches("\\d+"), "a numeric USER, so that runAsNonRoot can check it: " + user);
        assertTrue(dockerfile.contains("COPY --chown=" + user) && dockerfile.contains("target/quarkus-app/"),
                "the image copies target/quarkus-app");
        assertTrue(dockerfile.contains("quarkus-run.jar"), "the image starts quarkus-run.jar");
    }

    @Test
    void deploymentDocMentionsEverySettingTheDeploymentGives() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> missing = new TreeSet<>();
        for (String name : environment().keySet()) {
            if (!doc.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "settings given by deploy/k8s that docs/deployment.md does not explain");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static JsonNode deployment() {
        return only("Deployment");
    }

    static JsonNode container() {
        JsonNode containers = deployment().at("/spec/template/spec/containers");
        assertEquals(1, containers.size(), "one container in the portal's pod");
        return containers.get(0);
    }

    static JsonNode only(String kind) {
        List<JsonNode> all = byKind.getOrDefault(kind, List.of());
        assertEquals(1, all.size(), "exactly one " + kind);
        return all.get(0);
    }

    static JsonNode named(String kind, String name) {
        for (JsonNode document : byKind.getOrDefault(kind, List.of())) {
            if (name.equals(document.at("/metadata/name").asText())) {
                return document;
            }
        }
        return fail("no " + kind + " named " + name);
    }

    static Map<String, String> configMapData() {
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode from : container().path("envFrom")) {
            if (from.has("secretRef")) {
                fail("envFrom secretRef hides which settings are secret: give each with a secretKeyRef");
            }
            named("ConfigMap", from.at("/configMapRef/name").asText()).path("data").fields()
                    .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        }
        return data;
    }

    /** Every variable the portal's container gets, from its ConfigMap and its own env list. */
    static Map<String, JsonNode> environment() {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        YAMLMapper mapper = new YAMLMapper();
        configMapData().forEach((name, value) -> env.put(name, mapper.createObjectNode().put("name", name).put("value", value)));
        for (JsonNode entry : container().path("env")) {
            assertFalse(env.containsKey(entry.path("name").asText()), entry.path("name") + " is given twice");
            env.put(entry.path("name").asText(), entry);
        }
        return env;
    }

    /** ${NAME...} placeholders of application.properties, and the variables the image's ENTRYPOINT expands. */
    static Set<String> readByThePortal() {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(propertiesText);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT.*$").matcher(dockerfile);
        while (entrypoint.find()) {
            Matcher variable = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)").matcher(entrypoint.group());
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    static int httpPort() {
        return defaultNumber("quarkus.http.port");
    }

    /** The management interface's port, which health and metrics are served on when it is enabled. */
    static int managementPort() {
        assertEquals("true", properties.getProperty("quarkus.management.enabled"),
                "health and metrics are expected on the management interface (quarkus.management.enabled=true)");
        return defaultNumber("quarkus.management.port");
    }

    static int defaultNumber(String property) {
        String value = properties.getProperty(property);
        assertNotNull(value, property + " is not in application.properties");
        Matcher m = DEFAULT_NUMBER.matcher(value);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.parseInt(value.trim());
    }

    /** /q/health/live and /q/health/ready unless application.properties moves them. */
    static String healthPath(String property, String fallback) {
        String root = properties.getProperty("quarkus.http.non-application-root-path", "q");
        String health = properties.getProperty("quarkus.smallrye-health.root-path", "health");
        String leaf = properties.getProperty("quarkus.smallrye-health." + property, fallback);
        return ("/" + root + "/" + health + "/" + leaf).replaceAll("/+", "/");
    }

    static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode get = container.at("/" + probe + "/httpGet");
        assertFalse(get.isMissingNode(), probe + " is an HTTP probe");
        assertEquals(path, get.path("path").asText(), probe + " path");
        assertEquals(port, containerPort(container, get.path("port").asText()), probe + " port");
    }

    /** The container port a name or a number stands for, or -1. */
    static int containerPort(JsonNode container, String nameOrNumber) {
        for (JsonNode port : container.path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText()) || nameOrNumber.equals(port.path("containerPort").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    static String dockerfileUser() {
        Matcher user = Pattern.compile("(?m)^USER\\s+([^:\\s]+)").matcher(dockerfile);
        String last = "";
        while (user.find()) {
            last = user.group(1);
        }
        return last;
    }

    /** Every label the selector asks for is on the pods. */
    static boolean contains(JsonNode labels, JsonNode selector) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static long megabytes(String size) {
        Matcher m = Pattern.compile("(?i)^(\\d+)([kmg]?)$").matcher(size == null ? "" : size.trim());
        assertTrue(m.find(), "a size like 25M: " + size);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "g" -> n * 1024;
            case "k" -> n / 1024;
            case "m" -> n;
            default -> n / (1024 * 1024);
        };
    }
}
