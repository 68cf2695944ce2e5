package io.genesysbridge.console.security;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import io.genesysbridge.console.audit.AuditLog;

/**
 * The console's security: form login (and OIDC when a provider is registered), roles from
 * configuration, deny by default, CSRF tokens on every state change plus a same-origin
 * check, strict security headers (no inline script or style is allowed by the CSP) and
 * slowed-down repeated failed sign-ins. Actuator health, info and Prometheus on the
 * management port are open; nothing else is.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((rules) -> rules.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				.anyRequest()
				.denyAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleSecurity(HttpSecurity http, LoginThrottle throttle, AuditLog audit,
			ConsoleSecurityProperties properties, ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
		LoginOutcomes outcomes = new LoginOutcomes(throttle, audit);
		http.authorizeHttpRequests(ConsoleAccessRules::apply)
			.formLogin((form) -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SameOriginFilter(), CsrfFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.userInfoEndpoint((userInfo) -> userInfo.userAuthoritiesMapper(new OidcRoleMapper(properties.oidc()))));
		}
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService consoleUsers(ConsoleSecurityProperties properties, PasswordEncoder encoder,
			Environment environment, ObjectProvider<ClientRegistrationRepository> oidc) {
		List<UserDetails> demo = environment.matchesProfiles("demo") ? DemoUsers.generate(encoder) : List.of();
		if (properties.users().isEmpty() && demo.isEmpty() && oidc.getIfAvailable() == null) {
			throw new IllegalStateException("No console user is configured and no OIDC provider is registered, so "
					+ "nobody could sign in: set console.security.users[0].username, .password-hash (BCrypt) and "
					+ ".roles, or spring.security.oauth2.client.registration.*");
		}
		return ConsoleUsers.of(properties.users(), demo);
	}

	@Bean
	LoginThrottle loginThrottle(StringRedisTemplate redis, ConsoleSecurityProperties properties, Clock clock) {
		return new LoginThrottle(redis, properties, clock);
	}

}
