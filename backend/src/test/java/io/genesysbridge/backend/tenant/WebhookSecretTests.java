package io.genesysbridge.backend.tenant;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void shouldRefuseSecretsGenesysRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.of("fifteen-chars-x"));
		assertThat(WebhookSecret.of("sixteen-chars-xx").current()).hasSize(16);
	}

	@Test
	void shouldNeedAnEndForThePreviousSecret() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSecret("current-secret-xx", "previous-secret-x", null));
	}

	@Test
	void shouldAcceptThePreviousSecretOnlyUntilTheEndOfTheWindow() {
		WebhookSecret rotated = WebhookSecret.of("first-secret-xxxx").rotate("second-secret-xxx", NOW);

		assertThat(rotated.acceptedAt(NOW.minusMillis(1))).containsExactly("second-secret-xxx", "first-secret-xxxx");
		assertThat(rotated.acceptedAt(NOW)).isEqualTo(List.of("second-secret-xxx"));
	}

	@Test
	void shouldNeverPrintASecret() {
		WebhookSecret rotated = WebhookSecret.of("first-secret-xxxx").rotate("second-secret-xxx", NOW);

		assertThat(rotated.toString()).doesNotContain("first-secret", "second-secret");
	}

	@Test
	void shouldOnlyHoldSecretsForTheTenantsOwnIntegrations() {
		Tenant tenant = new Tenant("t", GenesysRegion.of("mypurecloud.com", null, null), "c", "s", List.of("i1"), true,
				RateLimit.DEFAULT);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> tenant.withWebhookSecret("i2", WebhookSecret.of("sixteen-chars-xx")));
		assertThat(tenant.withWebhookSecret("i1", WebhookSecret.of("sixteen-chars-xx")).webhookSecret("i1"))
			.isNotNull();
	}

}
