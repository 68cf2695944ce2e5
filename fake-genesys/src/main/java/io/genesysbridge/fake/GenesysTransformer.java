package io.genesysbridge.fake;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The stateful WireMock extension behind the fake's stubs: it turns each matched request
 * into the answer of the token endpoint, the API gateway or the control API.
 *
 * <p>
 * It is not applied globally, so stubs that a test adds through
 * {@link FakeGenesys#wireMock()} keep their own canned answers; an unexpected exception
 * becomes a Genesys-style 500 rather than a WireMock error page.
 */
final class GenesysTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-genesys";

	static final String TOKEN_PATH = "/oauth/token";

	static final String CONTROL_PREFIX = "/__fake/";

	private final TokenEndpoint tokenEndpoint;

	private final ApiGateway apiGateway;

	private final ControlApi controlApi;

	GenesysTransformer(GenesysState state) {
		this.tokenEndpoint = new TokenEndpoint(state);
		this.apiGateway = new ApiGateway(state);
		this.controlApi = new ControlApi(state);
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = ApiGateway.pathOf(request.getUrl());
		try {
			if (path.equals(TOKEN_PATH)) {
				return this.tokenEndpoint.handle(request).build();
			}
			if (path.startsWith(CONTROL_PREFIX)) {
				return this.controlApi.handle(request).build();
			}
			return this.apiGateway.handle(request).build();
		}
		catch (RuntimeException ex) {
			return Replies.error(500, "internal.server.error", "fake-genesys failed: " + ex).build();
		}
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
