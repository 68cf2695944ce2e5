package io.genesysbridge.console.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsoleUsersTests {

	private static final String HASH = new BCryptPasswordEncoder(4).encode("secret");

	@Test
	void shouldAcceptBcryptHashesWithOrWithoutPrefixAndGrantIncludedRoles() {
		var users = ConsoleUsers.of(List.of(user("alice", HASH, ConsoleRole.OPERATOR),
				user("bob", "{bcrypt}" + HASH.replace("$2a$", "$2y$"), ConsoleRole.VIEWER)), List.of());

		assertThat(users.loadUserByUsername("alice").getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
		assertThat(users.loadUserByUsername("bob").getPassword()).startsWith("$2y$");
	}

	@Test
	void shouldRefuseAClearPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ConsoleUsers.of(List.of(user("alice", "secret", ConsoleRole.ADMIN)), List.of()))
			.withMessageContaining("not a BCrypt hash");
	}

	@Test
	void shouldRefuseAUserNamedTwice() {
		assertThatIllegalStateException().isThrownBy(() -> ConsoleUsers
			.of(List.of(user("alice", HASH, ConsoleRole.ADMIN), user("alice", HASH, ConsoleRole.VIEWER)), List.of()));
	}

	private static ConsoleSecurityProperties.User user(String name, String hash, ConsoleRole role) {
		return new ConsoleSecurityProperties.User(name, hash, List.of(role));
	}

}
