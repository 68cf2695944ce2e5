package io.genesysbridge.backend.system;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TenantTagsTests {

	@Test
	void shouldKeepTheFirstTenantsAndTagLaterOnesOtherWhenTheBoundIsReached(CapturedOutput output) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		TenantTags tags = new TenantTags(new MetricsProperties(2), registry);

		assertThat(tags.of("acme")).isEqualTo("acme");
		assertThat(tags.of("globex")).isEqualTo("globex");
		assertThat(tags.of("initech")).isEqualTo(TenantTags.OTHER);
		assertThat(tags.of("umbrella")).isEqualTo(TenantTags.OTHER);
		assertThat(tags.of("acme")).isEqualTo("acme");

		assertThat(registry.get(TenantTags.UNTAGGED).counter().count()).isEqualTo(2.0);
		assertThat(output.getAll().split("max-tagged-tenants", -1)).hasSize(2);
	}

	@Test
	void shouldTagAMessageWithoutTenantUnknownWithoutUsingTheBound() {
		TenantTags tags = new TenantTags(new MetricsProperties(1), new SimpleMeterRegistry());

		assertThat(tags.of(null)).isEqualTo(TenantTags.UNKNOWN);
		assertThat(tags.of(" ")).isEqualTo(TenantTags.UNKNOWN);
		assertThat(tags.of("acme")).isEqualTo("acme");
	}

	@Test
	void shouldTagEveryTenantOtherWhenTheBoundIsZero() {
		TenantTags tags = new TenantTags(new MetricsProperties(0), new SimpleMeterRegistry());

		assertThat(tags.of("acme")).isEqualTo(TenantTags.OTHER);
	}

}
