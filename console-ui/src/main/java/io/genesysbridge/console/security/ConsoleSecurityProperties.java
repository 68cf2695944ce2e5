package io.genesysbridge.console.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in to the console and how sign-in is protected. There is no built-in user:
 * the console refuses to start when no user is configured and no OIDC provider is
 * registered (outside the {@code demo} profile, which generates a password and logs it
 * once).
 *
 * @param users users with BCrypt password hashes (e.g. from
 * {@code htpasswd -nbBC 12 "" pw}) and roles; the Helm chart fills the hashes from a
 * Secret
 * @param login how repeated failed sign-ins are slowed down
 * @param oidc how roles are read from an OIDC provider's tokens, when one is registered
 * under {@code spring.security.oauth2.client.registration.*}
 * @param keyPrefix Redis prefix of the failed-login counters (shared by console replicas)
 */
@Validated
@ConfigurationProperties("console.security")
public record ConsoleSecurityProperties(@DefaultValue List<@Valid User> users, @DefaultValue @Valid Login login,
		@DefaultValue @Valid Oidc oidc, @DefaultValue("genesys-bridge:console:login:") String keyPrefix) {

	/**
	 * One configured user.
	 *
	 * @param username the sign-in name, shown in the audit log
	 * @param passwordHash BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$},
	 * optionally prefixed with {@code {bcrypt}}); never a clear password
	 * @param roles VIEWER, OPERATOR and/or ADMIN
	 */
	public record User(@NotBlank String username, @NotBlank String passwordHash, @NotEmpty List<ConsoleRole> roles) {
	}

	/**
	 * Failed sign-ins are counted per user name and per client address. After
	 * {@code freeFailures} failures in a row, each further attempt must wait
	 * {@code initialDelay}, doubling per failure up to {@code maxDelay}; the counter is
	 * forgotten after {@code memory} without failures or on a successful sign-in.
	 *
	 * @param freeFailures failures allowed without delay
	 * @param initialDelay the first delay
	 * @param maxDelay the longest delay
	 * @param memory how long a failure is remembered
	 */
	public record Login(@DefaultValue("3") @Min(0) int freeFailures, @DefaultValue("2s") Duration initialDelay,
			@DefaultValue("5m") Duration maxDelay, @DefaultValue("15m") Duration memory) {
	}

	/**
	 * Role mapping of OIDC users: the values of the claim {@code rolesClaim} (a string or
	 * a list) are looked up in {@code roleMapping}; a user with no mapped value gets no
	 * role and can open no page (deny by default).
	 *
	 * @param rolesClaim the claim holding groups or roles, e.g. {@code groups}
	 * @param roleMapping claim value to console role, e.g. {@code genesys-ops: OPERATOR}
	 */
	public record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue Map<String, ConsoleRole> roleMapping) {
	}

}
