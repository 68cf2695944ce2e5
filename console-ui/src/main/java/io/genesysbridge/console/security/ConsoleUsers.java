package io.genesysbridge.console.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Builds the form-login users from configuration, checking that every password is a
 * BCrypt hash: a clear password in the configuration fails the start-up instead of
 * working.
 */
final class ConsoleUsers {

	private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");

	private static final String BCRYPT_PREFIX = "{bcrypt}";

	private ConsoleUsers() {
	}

	/**
	 * @param configured users from {@code console.security.users}
	 * @param extra further users (the demo profile's)
	 * @return the user store
	 * @throws IllegalStateException on a hash that is not BCrypt or a duplicate user name
	 */
	static InMemoryUserDetailsManager of(List<ConsoleSecurityProperties.User> configured, List<UserDetails> extra) {
		List<UserDetails> users = new ArrayList<>(extra);
		for (ConsoleSecurityProperties.User user : configured) {
			users.add(User.withUsername(user.username())
				.password(bcrypt(user))
				.authorities(ConsoleRole.authoritiesOf(user.roles()))
				.build());
		}
		long distinct = users.stream().map(UserDetails::getUsername).distinct().count();
		if (distinct != users.size()) {
			throw new IllegalStateException("console.security.users names a user twice");
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static String bcrypt(ConsoleSecurityProperties.User user) {
		String hash = user.passwordHash().startsWith(BCRYPT_PREFIX)
				? user.passwordHash().substring(BCRYPT_PREFIX.length()) : user.passwordHash();
		if (!BCRYPT.matcher(hash).matches()) {
			throw new IllegalStateException("console.security.users: the password-hash of user '" + user.username()
					+ "' is not a BCrypt hash (generate one with: htpasswd -nbBC 12 \"\" 'password' | cut -c2-)");
		}
		return hash;
	}

}
