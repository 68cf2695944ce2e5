package io.genesysbridge.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NOTES.txt, as printed by a client-only dry-run install (no cluster involved).
 */
class NotesTests {

	@Test
	void shouldWarnAboutMissingTenantsAndUsersWhenOnlyRequiredValuesAreGiven() {
		String notes = install().withValuesFile(Chart.REQUIRED_VALUES).call().getOutput();

		assertThat(notes).contains("kubectl -n bridge port-forward svc/gb-genesys-bridge-processor-metrics 8081")
			.contains("WARNING: genesys.tenants is empty")
			.contains("WARNING: console.auth.users is empty")
			.contains("chart-managed Secret gb-genesys-bridge");
	}

	@Test
	void shouldPrintPublicAddressesWhenIngressesAreEnabled() {
		String notes = install().withValuesFile(Chart.RESOURCES.resolve("all-toggles-values.yaml")).call().getOutput();

		assertThat(notes).contains("Genesys Cloud webhook: https://bridge.example.test/webhook/genesys")
			.contains("Console: https://console.example.test/")
			.doesNotContain("WARNING")
			.doesNotContain("chart-managed Secret");
	}

	private static InstallCommand install() {
		return new Helm(Chart.DIRECTORY).install()
			.withName(Chart.RELEASE)
			.withNamespace(Chart.NAMESPACE)
			.dryRun()
			.clientOnly();
	}

}
