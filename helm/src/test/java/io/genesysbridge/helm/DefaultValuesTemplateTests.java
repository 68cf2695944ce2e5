package io.genesysbridge.helm;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.genesysbridge.helm.Chart.Manifests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The chart's defaults plus only the values it cannot default (required-values.yaml):
 * what a first install creates.
 */
class DefaultValuesTemplateTests {

	private static final String PROCESSOR = "gb-genesys-bridge-processor";

	private static final String CONSOLE = "gb-genesys-bridge-console";

	private static final String SECRET = "gb-genesys-bridge";

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = Chart.template(Chart.REQUIRED_VALUES);
	}

	@Test
	void shouldRenderCoreObjectsOnlyWhenOnlyRequiredValuesAreGiven() {
		List<String> objects = manifests.kindsAndNames();

		assertThat(objects).containsExactlyInAnyOrder("ConfigMap/" + CONSOLE, "ConfigMap/" + PROCESSOR,
				"Deployment/" + CONSOLE, "Deployment/" + PROCESSOR, "NetworkPolicy/" + CONSOLE,
				"NetworkPolicy/" + PROCESSOR, "PodDisruptionBudget/" + CONSOLE, "PodDisruptionBudget/" + PROCESSOR,
				"Secret/" + SECRET, "Service/" + CONSOLE, "Service/" + CONSOLE + "-metrics", "Service/" + PROCESSOR,
				"Service/" + PROCESSOR + "-metrics", "Service/" + PROCESSOR + "-headless",
				"ServiceAccount/gb-genesys-bridge");
	}

	@Test
	void shouldProbeActuatorHealthGroupsOnManagementPortWhenRendered() {
		for (String deployment : List.of(PROCESSOR, CONSOLE)) {
			Map<String, Object> container = manifests.container(deployment);

			assertThat(Yamls.at(container, "livenessProbe", "httpGet")).isEqualTo(httpGet("/actuator/health/liveness"));
			assertThat(Yamls.at(container, "readinessProbe", "httpGet"))
				.isEqualTo(httpGet("/actuator/health/readiness"));
			assertThat(Yamls.at(container, "startupProbe", "httpGet")).isEqualTo(httpGet("/actuator/health/liveness"));
			assertThat(Yamls.at(container, "startupProbe", "failureThreshold")).isEqualTo(36);
		}
	}

	@Test
	void shouldExposeApplicationAndManagementPortsWhenRendered() {
		assertThat(Yamls.list(manifests.container(PROCESSOR), "ports")).containsExactly(port("http", 8080),
				port("management", 8081));
		assertThat(Yamls.list(manifests.container(CONSOLE), "ports")).containsExactly(port("http", 8090),
				port("management", 8091));
		assertThat(Yamls.list(manifests.get("Service", PROCESSOR), "spec", "ports")).singleElement()
			.satisfies((port) -> assertThat(Yamls.at(port, "targetPort")).isEqualTo("http"));
		assertThat(Yamls.at(manifests.get("Service", PROCESSOR + "-metrics"), "spec", "ports", 0, "port"))
			.isEqualTo(8081);
		assertThat(Yamls.at(manifests.get("Service", PROCESSOR + "-metrics"), "spec", "type")).isEqualTo("ClusterIP");
	}

	@Test
	void shouldRunRestrictedWhenSecurityContextsAreDefault() {
		for (String deployment : List.of(PROCESSOR, CONSOLE)) {
			Map<String, Object> pod = Yamls.map(manifests.get("Deployment", deployment), "spec", "template", "spec");
			Map<String, Object> container = manifests.container(deployment);

			assertThat(Yamls.at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			assertThat(Yamls.at(pod, "automountServiceAccountToken")).isEqualTo(false);
			assertThat(Yamls.map(container, "securityContext")).contains(entry("runAsNonRoot", true),
					entry("runAsUser", 10001), entry("readOnlyRootFilesystem", true),
					entry("allowPrivilegeEscalation", false), entry("privileged", false),
					entry("capabilities", Map.of("drop", List.of("ALL"))),
					entry("seccompProfile", Map.of("type", "RuntimeDefault")));
			assertThat(Yamls.list(container, "volumeMounts")).contains(Map.of("name", "tmp", "mountPath", "/tmp"));
			assertThat(Yamls.list(pod, "volumes")).anySatisfy((volume) -> {
				assertThat(Yamls.at(volume, "name")).isEqualTo("tmp");
				assertThat(Yamls.at(volume, "emptyDir", "sizeLimit")).isEqualTo("256Mi");
			});
		}
	}

	@Test
	void shouldGiveProcessorTimeToDrainWhenPodIsTerminated() {
		Map<String, Object> pod = Yamls.map(manifests.get("Deployment", PROCESSOR), "spec", "template", "spec");

		assertThat(Yamls.at(pod, "terminationGracePeriodSeconds")).isEqualTo(45);
		assertThat(Yamls.at(manifests.get("Deployment", PROCESSOR), "spec", "replicas")).isEqualTo(2);
		assertThat(Yamls.at(manifests.get("PodDisruptionBudget", PROCESSOR), "spec", "maxUnavailable")).isEqualTo(1);
	}

	@Test
	void shouldMountProcessorConfigAsAdditionalLocationWhenRendered() {
		Map<String, Object> container = manifests.container(PROCESSOR);
		Map<String, Object> config = applicationYaml(PROCESSOR);

		assertThat(Yamls.env(container)).containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION",
				"file:/config/application.yaml");
		assertThat(Yamls.list(container, "volumeMounts"))
			.contains(Map.of("name", "config", "mountPath", "/config", "readOnly", true));
		assertThat(Yamls.at(config, "app", "queues"))
			.isEqualTo(Map.of("inbound", "genesys.outbound.ready", "correlation", "correlation-events", "dead-letter",
					"genesys-api.dlq", "dead-letter-exchange", "genesys-api.dlx"));
		assertThat(Yamls.map(config, "spring", "cloud", "stream", "bindings", "inbound-in-0", "consumer")).contains(
				entry("max-attempts", 15), entry("back-off-initial-interval", 500),
				entry("back-off-max-interval", 10000), entry("concurrency", 256));
		assertThat(Yamls.at(config, "spring", "cloud", "stream", "rabbit", "bindings", "inbound-in-0", "consumer",
				"quorum", "enabled"))
			.isEqualTo(true);
		assertThat(Yamls.at(config, "app", "retry", "jitter")).isEqualTo(0.2);
		assertThat(Yamls.at(config, "app", "dedupe", "ttl")).isEqualTo("24h");
		assertThat(Yamls.at(config, "server", "port")).isEqualTo(8080);
		assertThat(Yamls.at(config, "management", "server", "port")).isEqualTo(8081);
	}

	@Test
	void shouldKeepConsoleSessionCookieSecureWhenRendered() {
		Map<String, Object> config = applicationYaml(CONSOLE);

		assertThat(Yamls.at(config, "server", "servlet", "session", "cookie", "secure")).isEqualTo(true);
		assertThat(Yamls.at(config, "server", "port")).isEqualTo(8090);
		assertThat(Yamls.at(config, "management", "server", "port")).isEqualTo(8091);
		assertThat(Yamls.env(manifests.container(CONSOLE))).containsEntry("GENESYS_BRIDGE_PROCESSOR_URL",
				"http://" + PROCESSOR + ":8080");
	}

	@Test
	void shouldReadCredentialsFromChartSecretWhenNoExistingSecretIsGiven() {
		Map<String, String> env = Yamls.env(manifests.container(PROCESSOR));
		Map<String, Object> data = Yamls.map(manifests.get("Secret", SECRET), "data");

		assertThat(env).containsEntry("APP_TENANTS_ENCRYPTIONKEY", "secret:" + SECRET + "/encryption-key")
			.containsEntry("SPRING_RABBITMQ_PASSWORD", "secret:" + SECRET + "/rabbitmq-password")
			.containsEntry("SPRING_RABBITMQ_HOST", "rabbitmq")
			.containsEntry("SPRING_DATA_REDIS_HOST", "redis-master")
			.containsEntry("SPRING_DATA_REDIS_PORT", "6379")
			.doesNotContainKey("SPRING_DATA_REDIS_PASSWORD");
		assertThat(data).containsOnlyKeys("encryption-key", "rabbitmq-password");
		assertThat(decode(data.get("encryption-key"))).isEqualTo("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
		assertThat(decode(data.get("rabbitmq-password"))).isEqualTo("test-rabbit-password");
	}

	@Test
	void shouldRollPodsWhenConfigOrSecretChanges() {
		Map<String, Object> changedConfig = podAnnotations(
				Chart.templateCommand(Chart.REQUIRED_VALUES).set("processor.config.app.dedupe.ttl", "12h").call());
		Map<String, Object> changedSecret = podAnnotations(
				Chart.templateCommand(Chart.REQUIRED_VALUES).set("externalRabbitmq.password", "rotated").call());
		Map<String, Object> original = Yamls.map(manifests.get("Deployment", PROCESSOR), "spec", "template", "metadata",
				"annotations");

		assertThat(original).containsOnlyKeys("checksum/config", "checksum/secret");
		assertThat((String) original.get("checksum/config")).matches("[0-9a-f]{64}");
		assertThat(changedConfig.get("checksum/config")).isNotEqualTo(original.get("checksum/config"));
		assertThat(changedConfig.get("checksum/secret")).isEqualTo(original.get("checksum/secret"));
		assertThat(changedSecret.get("checksum/secret")).isNotEqualTo(original.get("checksum/secret"));
	}

	@Test
	void shouldRenderNoConsoleObjectWhenConsoleIsDisabled() {
		Manifests withoutConsole = Manifests
			.parse(Chart.templateCommand(Chart.REQUIRED_VALUES).set("console.enabled", false).call());

		assertThat(withoutConsole.kindsAndNames()).noneMatch((object) -> object.contains("console"));
		assertThat(withoutConsole.ofKind("Deployment")).hasSize(1);
	}

	private static Map<String, Object> applicationYaml(String configMap) {
		String text = (String) Yamls.at(manifests.get("ConfigMap", configMap), "data", "application.yaml");
		return Chart.yaml().load(text);
	}

	private static Map<String, Object> podAnnotations(String output) {
		return Yamls.map(Manifests.parse(output).get("Deployment", PROCESSOR), "spec", "template", "metadata",
				"annotations");
	}

	private static Map<String, Object> httpGet(String path) {
		return Map.of("path", path, "port", "management");
	}

	private static Map<String, Object> port(String name, int number) {
		return Map.of("name", name, "containerPort", number, "protocol", "TCP");
	}

	private static String decode(Object base64) {
		return new String(Base64.getDecoder().decode((String) base64));
	}

}
