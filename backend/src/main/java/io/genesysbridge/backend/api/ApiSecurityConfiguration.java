package io.genesysbridge.backend.api;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The HTTP security of the whole processor, stateless: {@code /api/**} needs an API key of a
 * calling service ({@link ApiKeyAuthenticationManager}); the Genesys webhook
 * ({@code /webhook/**}) is open here because it is authenticated by its signature; the
 * OpenAPI description and Swagger UI are open (they hold no data, and every call made from
 * them still needs a key); actuator endpoints are open because they run on the separate
 * management port, which the chain also guards. Everything else is refused. No session, no
 * CSRF (no cookies are used), no Basic or form login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
class ApiSecurityConfiguration {

	static final String API = "/api/**";

	static final String[] DOCS = { "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs",
			"/v3/api-docs/**", "/v3/api-docs.yaml" };

	@Bean
	ApiKeyAuthenticationManager apiKeyAuthenticationManager(ApiProperties properties,
			ObjectProvider<ReactiveStringRedisTemplate> redis, JsonMapper json) {
		return new ApiKeyAuthenticationManager(properties, redis.getIfAvailable(), json);
	}

	@Bean
	ApiErrorWriter apiErrorWriter(JsonMapper json) {
		return new ApiErrorWriter(json);
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeyAuthenticationManager keys,
			ApiErrorWriter errors) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(apiKeyFilter(keys, errors), SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors.unauthorized())
				.accessDeniedHandler(errors.forbidden()))
			.authorizeExchange((exchanges) -> exchanges.matchers(EndpointRequest.toAnyEndpoint())
				.permitAll()
				.pathMatchers("/webhook/**")
				.permitAll()
				.pathMatchers(DOCS)
				.permitAll()
				.pathMatchers(API)
				.authenticated()
				.anyExchange()
				.denyAll())
			.build();
	}

	private static AuthenticationWebFilter apiKeyFilter(ApiKeyAuthenticationManager keys, ApiErrorWriter errors) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(keys);
		filter.setServerAuthenticationConverter(new ApiKeyConverter());
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(API));
		filter.setAuthenticationFailureHandler(
				(webFilterExchange, ex) -> errors.unauthorized().commence(webFilterExchange.getExchange(), ex));
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return filter;
	}

}
