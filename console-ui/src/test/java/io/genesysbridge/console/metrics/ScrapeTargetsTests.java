package io.genesysbridge.console.metrics;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeTargetsTests {

	@Test
	void shouldScrapeEveryAddressOfADnsUrlAndPlainUrlsAsTheyAre() {
		ScrapeTargets targets = new ScrapeTargets((host) -> "processor-headless".equals(host)
				? new InetAddress[] { address("10.0.0.7"), address("10.0.0.9"), address("fd00::5") }
				: new InetAddress[0]);
		List<String> errors = new ArrayList<>();

		List<URI> resolved = targets.resolve(List.of(URI.create("dns+http://processor-headless:8081/actuator/prometheus"),
				URI.create("http://other-processor:8081/actuator/prometheus")), errors);

		assertThat(resolved).containsExactly(URI.create("http://10.0.0.7:8081/actuator/prometheus"),
				URI.create("http://10.0.0.9:8081/actuator/prometheus"),
				URI.create("http://[fd00:0:0:0:0:0:0:5]:8081/actuator/prometheus"),
				URI.create("http://other-processor:8081/actuator/prometheus"));
		assertThat(errors).isEmpty();
	}

	@Test
	void shouldReportANameThatDoesNotResolveAndGoOnWithTheOthers() {
		ScrapeTargets targets = new ScrapeTargets((host) -> {
			throw new UnknownHostException(host);
		});
		List<String> errors = new ArrayList<>();

		List<URI> resolved = targets.resolve(List.of(URI.create("dns+http://gone:8081/actuator/prometheus"),
				URI.create("http://127.0.0.1:8081/actuator/prometheus")), errors);

		assertThat(resolved).containsExactly(URI.create("http://127.0.0.1:8081/actuator/prometheus"));
		assertThat(errors).containsExactly("dns+http://gone:8081/actuator/prometheus: no address");
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
