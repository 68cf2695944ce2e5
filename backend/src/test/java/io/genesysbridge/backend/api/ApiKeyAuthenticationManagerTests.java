package io.genesysbridge.backend.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import io.genesysbridge.backend.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ApiKeyAuthenticationManagerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void shouldAcceptConfiguredKeysAndFailClosedWhenRedisIsDown() {
		String key = "configured-key-0123456789";
		ApiProperties properties = new ApiProperties(
				List.of(new ApiProperties.Key("svc", ApiKeyAuthentication.sha256Hex(key).toUpperCase(Locale.ROOT),
						List.of("t1"))),
				true, "test:apikey:", Duration.ofSeconds(5), 50);
		try (LocalRedis down = LocalRedis.unreachable()) {
			ApiKeyAuthenticationManager manager = new ApiKeyAuthenticationManager(properties, down.template(),
					JsonMapper.builder().build());

			Authentication accepted = manager.authenticate(ApiKeyAuthentication.presented(key)).block(WAIT);
			Throwable refused = catchThrowable(
					() -> manager.authenticate(ApiKeyAuthentication.presented("unknown-key")).block(WAIT));

			assertThat(accepted.isAuthenticated()).isTrue();
			assertThat(accepted.getPrincipal()).isEqualTo(new ApiClient("svc", Set.of("t1")));
			assertThat(accepted.getCredentials()).isNull();
			assertThat(accepted.toString()).doesNotContain(key);
			assertThat(refused).isInstanceOf(BadCredentialsException.class);
		}
	}

	@Test
	void shouldNotShowThePresentedKey() {
		assertThat(ApiKeyAuthentication.presented("secret-key-value").toString()).doesNotContain("secret-key-value");
	}

}
