package io.genesysbridge.backend.api;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webflux.core.configuration.SpringDocWebFluxConfiguration;
import org.springdoc.webflux.ui.SwaggerConfig;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.genesys.GenesysConversationsClient;
import io.genesysbridge.backend.genesys.GenesysDirectoryClient;
import io.genesysbridge.backend.genesys.GenesysTestClients;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * The API slice every API test shares (one cached context): the controllers, the error
 * handler, the security chain and springdoc, with the real Genesys clients against
 * {@link ApiFixtures#FAKE} and the real Redis. Only the tenant directory is stubbed. No
 * RabbitMQ binding starts, so these tests never meet the integration tests' queues.
 */
@WebFluxTest(controllers = { InboundController.class, ConversationController.class, DirectoryController.class,
		AgentlessController.class })
@Import({ ApiSecurityConfiguration.class, ApiConfiguration.class, OpenApiConfiguration.class,
		ApiTestSupport.Beans.class })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebFluxConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
		SwaggerUiOAuthProperties.class })
abstract class ApiTestSupport {

	static final String BASE = "/api/v1/tenants/";

	@MockitoBean
	TenantDirectory tenantDirectory;

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void apiProperties(DynamicPropertyRegistry registry) {
		registry.add("app.api.keys[0].name", () -> "test-client");
		registry.add("app.api.keys[0].sha256", () -> ApiKeyAuthentication.sha256Hex(ApiFixtures.KEY));
		registry.add("app.api.keys[1].name", () -> "scoped-client");
		registry.add("app.api.keys[1].sha256", () -> ApiKeyAuthentication.sha256Hex(ApiFixtures.SCOPED_KEY));
		registry.add("app.api.keys[1].tenants[0]", ApiFixtures.OTHER_TENANT::id);
		registry.add("app.api.redis-key-prefix", () -> ApiFixtures.REDIS_KEY_PREFIX);
		registry.add("app.api.key-cache-ttl", () -> "100ms");
		registry.add("app.api.max-conversation-messages", () -> 50);
	}

	@BeforeEach
	void stubTenantsAndResetGenesys() {
		// Generating the OpenAPI document the first time can take seconds on a loaded CI machine.
		this.web = this.web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		given(this.tenantDirectory.find(anyString())).willReturn(Mono.empty());
		for (Tenant tenant : new Tenant[] { ApiFixtures.TENANT, ApiFixtures.OTHER_TENANT, ApiFixtures.DISABLED_TENANT,
				ApiFixtures.NO_INTEGRATION_TENANT }) {
			given(this.tenantDirectory.find(tenant.id())).willReturn(Mono.just(tenant));
		}
		ApiFixtures.FAKE.reset();
	}

	@AfterAll
	static void cleanUpRedis() {
		ApiFixtures.cleanUp();
	}

	/** A request with the all-tenants key. */
	WebTestClient api() {
		return this.web.mutate().defaultHeader(ApiKeyConverter.HEADER, ApiFixtures.KEY).build();
	}

	static String tenantPath(String path) {
		return BASE + ApiFixtures.TENANT.id() + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiProperties.class)
	static class Beans {

		private final GenesysTestClients genesys = new GenesysTestClients(ApiFixtures.REDIS.template());

		@Bean
		ReactiveStringRedisTemplate redisTemplate() {
			return ApiFixtures.REDIS.template();
		}

		@Bean
		GenesysClient genesysClient() {
			return this.genesys.inbound();
		}

		@Bean
		GenesysConversationsClient genesysConversationsClient() {
			return this.genesys.conversations();
		}

		@Bean
		GenesysDirectoryClient genesysDirectoryClient() {
			return this.genesys.directory();
		}

		@Bean
		ErrorClassifier errorClassifier() {
			return new ErrorClassifier();
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
