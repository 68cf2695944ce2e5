package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

/**
 * The journal-less fake the benchmark uses still records inbound messages and answers as the
 * contract says; only WireMock's own request journal is gone.
 */
class WithoutJournalTests {

	@Test
	void shouldServeAndRecordInboundMessagesWithoutWireMocksJournal() {
		try (FakeGenesys fake = FakeGenesys.startWithoutJournal()) {
			fake.registerClient(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET);
			fake.registerIntegration(GenesysHttp.INTEGRATION);
			GenesysHttp http = new GenesysHttp(fake);

			HttpResponse<String> response = http.message(http.token(),
					GenesysHttp.textMessage("+33611111111", "wamid.J1", "hello"));

			assertThat(response.statusCode()).isEqualTo(202);
			assertThat(fake.inboundMessages()).singleElement()
				.satisfies((recorded) -> assertThat(recorded.channelMessageId()).isEqualTo("wamid.J1"));
			assertThatThrownBy(() -> fake.wireMock().findAll(WireMock.anyRequestedFor(WireMock.anyUrl())))
				.hasMessageContaining("journal");
		}
	}

}
