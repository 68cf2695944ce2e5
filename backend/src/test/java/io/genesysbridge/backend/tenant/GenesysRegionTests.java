package io.genesysbridge.backend.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GenesysRegionTests {

	@Test
	void shouldDeriveApiAndLoginHostsFromTheDomain() {
		GenesysRegion region = GenesysRegion.of("euw2.pure.cloud", null, null);

		assertThat(region.apiBaseUrl()).isEqualTo("https://api.euw2.pure.cloud");
		assertThat(region.loginBaseUrl()).isEqualTo("https://login.euw2.pure.cloud");
	}

	@Test
	void shouldPreferOverridesAndDropTrailingSlashes() {
		GenesysRegion region = GenesysRegion.of("mypurecloud.com", "http://127.0.0.1:9000/", "http://127.0.0.1:9001");

		assertThat(region.apiBaseUrl()).isEqualTo("http://127.0.0.1:9000");
		assertThat(region.loginBaseUrl()).isEqualTo("http://127.0.0.1:9001");
	}

	@Test
	void shouldRefuseABlankDomain() {
		assertThatIllegalArgumentException().isThrownBy(() -> GenesysRegion.of(" ", null, null));
	}

	@Test
	void shouldNeverPrintTheClientSecret() {
		Tenant tenant = new Tenant("t", GenesysRegion.of("mypurecloud.ie", null, null), "client", "top-secret",
				java.util.List.of("i1"), true, RateLimit.DEFAULT);

		assertThat(tenant.toString()).doesNotContain("top-secret").contains("clientSecret=***");
	}

}
