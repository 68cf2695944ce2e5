package io.genesysbridge.console.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class OidcRoleMapperTests {

	private final OidcRoleMapper mapper = new OidcRoleMapper(new ConsoleSecurityProperties.Oidc("groups",
			Map.of("genesys-ops", ConsoleRole.OPERATOR, "genesys-admins", ConsoleRole.ADMIN)));

	@Test
	void shouldGrantTheMappedRoleAndTheRolesItIncludes() {
		List<String> granted = authorities(Map.of("groups", List.of("staff", "genesys-ops")));

		assertThat(granted).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
	}

	@Test
	void shouldGrantNothingWithoutAMappedValueAndDropTheProvidersAuthorities() {
		List<String> granted = authorities(Map.of("groups", "staff other"));

		assertThat(granted).isEmpty();
	}

	private List<String> authorities(Map<String, Object> claims) {
		OidcIdToken token = OidcIdToken.withTokenValue("token")
			.subject("alice")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claims((all) -> all.putAll(claims))
			.build();
		List<GrantedAuthority> provided = List.of(new OidcUserAuthority(token),
				new SimpleGrantedAuthority("SCOPE_openid"));
		return this.mapper.mapAuthorities(provided).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
