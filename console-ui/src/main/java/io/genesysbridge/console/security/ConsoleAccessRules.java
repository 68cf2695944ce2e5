package io.genesysbridge.console.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may do what, in one place. Every page and JSON read needs VIEWER; replays, pauses
 * and limit changes need OPERATOR; archiving, forcing circuits need ADMIN. Any path not
 * listed is denied, even to an ADMIN, so a new endpoint is closed until it is added here.
 */
final class ConsoleAccessRules {

	private static final String[] READS = { "/", "/overview", "/dead-letters", "/dead-letters/*", "/replays",
			"/replays/*", "/tenants", "/circuits", "/audit", "/me", "/api/overview", "/api/tenants", "/api/circuits",
			"/api/replays/*" };

	private static final String[] OPERATOR_ACTIONS = { "/dead-letters/*/replay", "/replays", "/replays/*/start",
			"/replays/*/pause", "/replays/*/resume", "/replays/*/cancel", "/replays/*/rate", "/tenants/*/limit",
			"/tenants/*/pause", "/tenants/*/resume" };

	private static final String[] ADMIN_ACTIONS = { "/dead-letters/*/archive", "/dead-letters/archive",
			"/dead-letters/*/restore", "/circuits/*/force" };

	private ConsoleAccessRules() {
	}

	static void apply(
			AuthorizeHttpRequestsConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, READS)
			.hasRole(ConsoleRole.VIEWER.name())
			.requestMatchers(HttpMethod.POST, OPERATOR_ACTIONS)
			.hasRole(ConsoleRole.OPERATOR.name())
			.requestMatchers(HttpMethod.POST, ADMIN_ACTIONS)
			.hasRole(ConsoleRole.ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/logout")
			.authenticated()
			.anyRequest()
			.denyAll();
	}

}
