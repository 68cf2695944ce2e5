package io.genesysbridge.backend.api;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the {@code demo} profile only, logs the demo's public API key and where Swagger UI is,
 * so someone running {@code bin/demo} can try the API at once. Real keys are never logged:
 * only their hashes are configured.
 */
@Component
@Profile("demo")
class DemoApiKeyAnnouncer {

	private static final Log logger = LogFactory.getLog(DemoApiKeyAnnouncer.class);

	private final String key;

	private final int port;

	private final ApiProperties properties;

	DemoApiKeyAnnouncer(@Value("${app.demo.api-key:}") String key, @Value("${server.port:8080}") int port,
			ApiProperties properties) {
		this.key = key;
		this.port = port;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (this.key.isBlank()) {
			return;
		}
		String hash = ApiKeyAuthentication.sha256Hex(this.key);
		boolean registered = this.properties.keys().stream().anyMatch((k) -> k.sha256().equalsIgnoreCase(hash));
		logger.info("Demo API key (demo profile only): X-API-Key: " + this.key + " | Swagger UI: http://127.0.0.1:"
				+ this.port + "/swagger-ui.html"
				+ (registered ? "" : " | WARNING: its SHA-256 is not in app.api.keys, so it will be refused"));
	}

}
