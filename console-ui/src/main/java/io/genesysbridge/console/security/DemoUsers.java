package io.genesysbridge.console.security;

import java.security.SecureRandom;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo profile's users {@code admin}, {@code operator} and {@code viewer}, sharing
 * one password generated at start-up and logged once. Never active outside the demo
 * profile: there is no built-in password anywhere else.
 */
final class DemoUsers {

	private static final Log logger = LogFactory.getLog(DemoUsers.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private DemoUsers() {
	}

	static List<UserDetails> generate(PasswordEncoder encoder) {
		String password = randomPassword(20);
		String hash = encoder.encode(password);
		logger.warn("Demo console password (demo profile only, new at every start): users admin, operator and "
				+ "viewer, password " + password);
		return List.of(user("admin", hash, ConsoleRole.ADMIN), user("operator", hash, ConsoleRole.OPERATOR),
				user("viewer", hash, ConsoleRole.VIEWER));
	}

	private static UserDetails user(String name, String hash, ConsoleRole role) {
		return User.withUsername(name).password(hash).authorities(role.grantedAuthorities()).build();
	}

	private static String randomPassword(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
