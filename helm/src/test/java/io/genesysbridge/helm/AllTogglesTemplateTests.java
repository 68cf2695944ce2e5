package io.genesysbridge.helm;

import java.util.List;
import java.util.Map;

import io.genesysbridge.helm.Chart.Manifests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every optional object switched on and every credential taken from an existing Secret
 * (all-toggles-values.yaml, rendered on its own).
 */
class AllTogglesTemplateTests {

	private static final String PROCESSOR = "gb-genesys-bridge-processor";

	private static final String CONSOLE = "gb-genesys-bridge-console";

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = Chart.template(Chart.RESOURCES.resolve("all-toggles-values.yaml"));
	}

	@Test
	void shouldRenderEveryOptionalObjectWhenAllTogglesAreOn() {
		List<String> objects = manifests.kindsAndNames();

		assertThat(objects).contains("ScaledObject/" + PROCESSOR, "HorizontalPodAutoscaler/" + CONSOLE,
				"Ingress/" + PROCESSOR, "Ingress/" + CONSOLE, "ServiceMonitor/" + PROCESSOR,
				"ServiceMonitor/" + CONSOLE, "PrometheusRule/gb-genesys-bridge", "NetworkPolicy/" + PROCESSOR,
				"NetworkPolicy/" + CONSOLE, "PodDisruptionBudget/" + PROCESSOR, "PodDisruptionBudget/" + CONSOLE);
		assertThat(objects).doesNotContain("HorizontalPodAutoscaler/" + PROCESSOR);
	}

	@Test
	void shouldCreateNoSecretWhenEveryBlockNamesAnExistingSecret() {
		Map<String, String> processor = Yamls.env(manifests.container(PROCESSOR));
		Map<String, String> console = Yamls.env(manifests.container(CONSOLE));

		assertThat(manifests.ofKind("Secret")).isEmpty();
		assertThat(processor).contains(entry("APP_TENANTS_ENCRYPTIONKEY", "secret:bridge-encryption/aes-key"),
				entry("SPRING_RABBITMQ_PASSWORD", "secret:bridge-rabbitmq/amqp-password"),
				entry("SPRING_DATA_REDIS_PASSWORD", "secret:bridge-redis/redis-pass"),
				entry("GENESYS_TENANT_0_CLIENT_ID", "secret:bridge-genesys/acme-id"),
				entry("GENESYS_TENANT_0_CLIENT_SECRET", "secret:bridge-genesys/acme-secret"),
				entry("GENESYS_TENANT_1_CLIENT_ID", "secret:bridge-genesys/globex-client-id"),
				entry("GENESYS_TENANT_1_CLIENT_SECRET", "secret:bridge-genesys/globex-client-secret"));
		assertThat(console).contains(entry("SPRING_RABBITMQ_PASSWORD", "secret:bridge-rabbitmq/amqp-password"),
				entry("CONSOLE_USER_0_PASSWORD_HASH", "secret:bridge-console-users/ops-bcrypt"),
				entry("CONSOLE_USER_1_PASSWORD_HASH", "secret:bridge-console-users/viewer-password-hash"));
	}

	@Test
	void shouldSeedTenantsWithoutCredentialsInConfigMapWhenTenantsAreListed() {
		Map<String, Object> config = Chart.yaml()
			.load((String) Yamls.at(manifests.get("ConfigMap", PROCESSOR), "data", "application.yaml"));

		assertThat(Yamls.list(config, "app", "tenants", "seed")).containsExactly(
				Map.of("id", "acme", "region", "mypurecloud.ie", "client-id", "${GENESYS_TENANT_0_CLIENT_ID}",
						"client-secret", "${GENESYS_TENANT_0_CLIENT_SECRET}", "integration-ids",
						List.of("integration-acme", "integration-acme-2"), "rate-limit-per-minute", 120,
						"rate-limit-burst", 10),
				Map.of("id", "globex", "region", "mypurecloud.de", "client-id", "${GENESYS_TENANT_1_CLIENT_ID}",
						"client-secret", "${GENESYS_TENANT_1_CLIENT_SECRET}", "integration-ids",
						List.of("integration-globex"), "api-base-url", "https://api.genesys.example.test",
						"login-base-url", "https://login.genesys.example.test", "enabled", false));
		assertThat(Yamls.at(config, "app", "queues", "inbound")).isEqualTo("genesys.outbound.ready");
	}

	@Test
	void shouldConnectThroughSentinelAndTlsWhenConfigured() {
		Map<String, String> env = Yamls.env(manifests.container(PROCESSOR));

		assertThat(env).contains(entry("SPRING_DATA_REDIS_SENTINEL_MASTER", "bridge"),
				entry("SPRING_DATA_REDIS_SENTINEL_NODES",
						"redis-node-0.redis-headless:26379,redis-node-1.redis-headless:26379"),
				entry("SPRING_RABBITMQ_HOST", "rabbitmq.messaging.svc"), entry("SPRING_RABBITMQ_PORT", "5671"),
				entry("SPRING_RABBITMQ_VIRTUALHOST", "whatsapp"), entry("SPRING_RABBITMQ_SSL_ENABLED", "true"));
		assertThat(env).doesNotContainKeys("SPRING_DATA_REDIS_HOST", "SPRING_DATA_REDIS_PORT");
	}

	@Test
	void shouldScaleProcessorOnInboundQueueDepthWhenKedaIsEnabled() {
		Map<String, Object> spec = Yamls.map(manifests.get("ScaledObject", PROCESSOR), "spec");

		assertThat(Yamls.at(spec, "scaleTargetRef", "name")).isEqualTo(PROCESSOR);
		assertThat(spec).contains(entry("minReplicaCount", 2), entry("maxReplicaCount", 12));
		assertThat(Yamls.at(spec, "triggers", 0, "type")).isEqualTo("rabbitmq");
		assertThat(Yamls.map(spec, "triggers", 0, "metadata")).contains(entry("queueName", "genesys.outbound.ready"),
				entry("mode", "QueueLength"), entry("value", "150"), entry("protocol", "amqp"),
				entry("host", "amqps://rabbitmq.messaging.svc:5671/"), entry("vhostName", "whatsapp"),
				entry("usernameFromEnv", "SPRING_RABBITMQ_USERNAME"),
				entry("passwordFromEnv", "SPRING_RABBITMQ_PASSWORD"));
		assertThat(Yamls.map(spec, "triggers", 1, "metadata")).contains(
				entry("queueName", "genesys-bridge.inbound.work"), entry("mode", "QueueLength"), entry("value", "150"));
		assertThat(Yamls.list(spec, "triggers")).hasSize(2);
		assertThat(Yamls.map(manifests.get("Deployment", PROCESSOR), "spec")).doesNotContainKey("replicas");
	}

	@Test
	void shouldScaleConsoleBetweenOneAndTwoReplicasWhenHpaIsEnabled() {
		Map<String, Object> spec = Yamls.map(manifests.get("HorizontalPodAutoscaler", CONSOLE), "spec");

		assertThat(Yamls.at(spec, "scaleTargetRef", "name")).isEqualTo(CONSOLE);
		assertThat(spec).contains(entry("minReplicas", 1), entry("maxReplicas", 2));
		assertThat(Yamls.at(spec, "metrics", 0, "resource", "name")).isEqualTo("cpu");
		assertThat(Yamls.map(manifests.get("Deployment", CONSOLE), "spec")).doesNotContainKey("replicas");
	}

	@Test
	void shouldKeepOneProcessorAvailableWhenPdbMinAvailableIsSet() {
		Map<String, Object> spec = Yamls.map(manifests.get("PodDisruptionBudget", PROCESSOR), "spec");

		assertThat(spec).containsEntry("minAvailable", 1).doesNotContainKey("maxUnavailable");
		assertThat(Yamls.at(spec, "selector", "matchLabels", "app.kubernetes.io/component")).isEqualTo("processor");
	}

	@Test
	void shouldAdmitOnlyKnownPeersWhenNetworkPolicyDisallowsExternalTraffic() {
		Map<String, Object> spec = Yamls.map(manifests.get("NetworkPolicy", PROCESSOR), "spec");

		assertThat(Yamls.list(spec, "ingress")).hasSize(3);
		assertThat(Yamls.at(spec, "ingress", 0, "ports")).isEqualTo(List.of(Map.of("port", 8080)));
		assertThat(Yamls.list(spec, "ingress", 0, "from")).containsExactly(
				Map.of("podSelector", Map.of("matchLabels", Map.of("gb-genesys-bridge-client", "true"))),
				Map.of("podSelector", Map.of("matchLabels", selector("console"))), Map.of("namespaceSelector",
						Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx"))));
		assertThat(Yamls.at(spec, "ingress", 1))
			.isEqualTo(Map.of("ports", List.of(Map.of("port", 8081)), "from", List.of(Map.of("namespaceSelector",
					Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))))));
		assertThat(Yamls.list(spec, "egress")).containsExactly(
				Map.of("ports", List.of(Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP"))),
				Map.of("ports", List.of(Map.of("port", 5671), Map.of("port", 26379), Map.of("port", 6379))),
				Map.of("ports", List.of(Map.of("port", 443, "protocol", "TCP"))));
		assertThat(Yamls.list(manifests.get("NetworkPolicy", CONSOLE), "spec", "egress"))
			.contains(Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels", selector("processor")))),
					"ports", List.of(Map.of("port", 8080))));
	}

	@Test
	void shouldScrapeManagementPortsWhenServiceMonitorIsEnabled() {
		for (String component : List.of("processor", "console")) {
			Map<String, Object> monitor = manifests.get("ServiceMonitor", "gb-genesys-bridge-" + component);
			Map<String, Object> metricsService = manifests.get("Service",
					"gb-genesys-bridge-" + component + "-metrics");

			assertThat(Yamls.at(monitor, "metadata", "labels", "release")).isEqualTo("prometheus");
			assertThat(Yamls.at(monitor, "spec", "jobLabel")).isEqualTo("app.kubernetes.io/component");
			assertThat(Yamls.list(monitor, "spec", "endpoints")).singleElement()
				.isEqualTo(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "15s",
						"honorLabels", false));
			assertThat(Yamls.map(metricsService, "metadata", "labels"))
				.containsAllEntriesOf(Yamls.map(monitor, "spec", "selector", "matchLabels"));
			assertThat(Yamls.map(manifests.get("Service", "gb-genesys-bridge-" + component), "metadata", "labels"))
				.doesNotContainKey("app.kubernetes.io/subcomponent");
		}
	}

	@Test
	void shouldRenderValuesRulesWhenPrometheusRuleIsEnabled() {
		Map<String, Object> rule = manifests.get("PrometheusRule", "gb-genesys-bridge");

		assertThat(Yamls.at(rule, "metadata", "labels", "release")).isEqualTo("prometheus");
		assertThat(Yamls.at(rule, "spec", "groups", 0, "name")).isEqualTo("gb-genesys-bridge");
		assertThat(Yamls.map(rule, "spec", "groups", 0, "rules", 0))
			.contains(entry("alert", "GenesysBridgeProcessorDown"), entry("for", "5m"));
		assertThat(Yamls.at(rule, "spec", "groups", 0, "rules", 0, "annotations", "summary"))
			.isEqualTo("No processor replica is scraped ({{ $labels.namespace }})");
	}

	@Test
	void shouldRouteOnlyWebhookPathWhenProcessorIngressIsEnabled() {
		Map<String, Object> spec = Yamls.map(manifests.get("Ingress", PROCESSOR), "spec");

		assertThat(spec).containsEntry("ingressClassName", "nginx");
		assertThat(Yamls.at(spec, "rules", 0, "host")).isEqualTo("bridge.example.test");
		assertThat(Yamls.list(spec, "rules", 0, "http", "paths")).containsExactly(Map.of("path", "/webhook", "pathType",
				"Prefix", "backend", Map.of("service", Map.of("name", PROCESSOR, "port", Map.of("name", "http")))));
		assertThat(Yamls.list(spec, "tls"))
			.containsExactly(Map.of("hosts", List.of("bridge.example.test"), "secretName", "bridge.example.test-tls"));
		assertThat(Yamls.at(manifests.get("Ingress", CONSOLE), "spec", "rules", 0, "host"))
			.isEqualTo("console.example.test");
	}

	@Test
	void shouldPullFromGlobalRegistryWhenOneIsSet() {
		Map<String, Object> pod = Yamls.map(manifests.get("Deployment", PROCESSOR), "spec", "template", "spec");

		assertThat(Yamls.at(pod, "containers", 0, "image")).isEqualTo("registry.example.test/genesys-bridge/backend:"
				+ Chart.loadYaml(Chart.DIRECTORY.resolve("Chart.yaml")).get("appVersion"));
		assertThat(Yamls.list(pod, "imagePullSecrets")).containsExactly(Map.of("name", "regcred"));
		assertThat(Yamls.map(manifests.get("Deployment", PROCESSOR), "metadata", "labels")).containsEntry("team",
				"messaging");
	}

	private static Map<String, Object> selector(String component) {
		return Map.of("app.kubernetes.io/name", "genesys-bridge", "app.kubernetes.io/instance", "gb",
				"app.kubernetes.io/component", component);
	}

}
