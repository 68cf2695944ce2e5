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
 * Tenants, console users and a Redis password given as values (tenants-values.yaml): the
 * chart keeps them in its own Secret and never in a ConfigMap.
 */
class ChartSecretTemplateTests {

	private static final String SECRET = "gb-genesys-bridge";

	private static final String BCRYPT = "$2a$10$yzERBNauvS91t/NR8scmWu25/KQlb17zRBOXYx9n6KYgyXQu3T5Pi";

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = Chart.template(Chart.REQUIRED_VALUES, Chart.RESOURCES.resolve("tenants-values.yaml"));
	}

	@Test
	void shouldStoreEveryCredentialInChartSecretWhenGivenAsValues() {
		Map<String, Object> data = Yamls.map(manifests.get("Secret", SECRET), "data");

		assertThat(data).containsOnlyKeys("encryption-key", "rabbitmq-password", "redis-password", "demo-client-id",
				"demo-client-secret", "admin-password-hash");
		assertThat(decode(data.get("demo-client-secret"))).isEqualTo("demo-secret");
		assertThat(decode(data.get("admin-password-hash"))).isEqualTo(BCRYPT);
		assertThat(decode(data.get("redis-password"))).isEqualTo("redis-secret");
	}

	@Test
	void shouldReferToChartSecretWhenCredentialsAreGivenAsValues() {
		assertThat(Yamls.env(manifests.container("gb-genesys-bridge-processor"))).contains(
				entry("GENESYS_TENANT_0_CLIENT_ID", "secret:" + SECRET + "/demo-client-id"),
				entry("GENESYS_TENANT_0_CLIENT_SECRET", "secret:" + SECRET + "/demo-client-secret"),
				entry("SPRING_DATA_REDIS_PASSWORD", "secret:" + SECRET + "/redis-password"));
		assertThat(Yamls.env(manifests.container("gb-genesys-bridge-console")))
			.contains(entry("CONSOLE_USER_0_PASSWORD_HASH", "secret:" + SECRET + "/admin-password-hash"));
	}

	@Test
	void shouldKeepCredentialsOutOfConfigMapsWhenGivenAsValues() {
		for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
			String applicationYaml = (String) Yamls.at(configMap, "data", "application.yaml");

			assertThat(applicationYaml).doesNotContain("demo-secret", "demo-client", BCRYPT, "redis-secret",
					"test-rabbit-password");
		}
		Map<String, Object> console = Chart.yaml()
			.load((String) Yamls.at(manifests.get("ConfigMap", "gb-genesys-bridge-console"), "data",
					"application.yaml"));
		assertThat(Yamls.at(console, "console", "security", "users", 0)).isEqualTo(Map.of("username", "admin",
				"password-hash", "${CONSOLE_USER_0_PASSWORD_HASH}", "roles", List.of("ADMIN")));
	}

	private static String decode(Object base64) {
		return new String(Base64.getDecoder().decode((String) base64));
	}

}
