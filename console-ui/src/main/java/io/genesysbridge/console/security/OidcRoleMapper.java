package io.genesysbridge.console.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Gives an OIDC user the console roles mapped from one claim of its ID token or user info
 * (e.g. {@code groups}). Everything else the provider grants is dropped, so a user with
 * no mapped value holds no role and is denied every page.
 */
final class OidcRoleMapper implements GrantedAuthoritiesMapper {

	private final ConsoleSecurityProperties.Oidc oidc;

	OidcRoleMapper(ConsoleSecurityProperties.Oidc oidc) {
		this.oidc = oidc;
	}

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		List<ConsoleRole> roles = new ArrayList<>();
		for (GrantedAuthority authority : authorities) {
			Map<String, Object> claims = claims(authority);
			for (String value : values(claims.get(this.oidc.rolesClaim()))) {
				ConsoleRole role = this.oidc.roleMapping().get(value);
				if (role != null) {
					roles.add(role);
				}
			}
		}
		return ConsoleRole.authoritiesOf(roles);
	}

	private static Map<String, Object> claims(GrantedAuthority authority) {
		if (authority instanceof OidcUserAuthority oidcAuthority) {
			Map<String, Object> claims = new java.util.HashMap<>(oidcAuthority.getIdToken().getClaims());
			if (oidcAuthority.getUserInfo() != null) {
				claims.putAll(oidcAuthority.getUserInfo().getClaims());
			}
			return claims;
		}
		if (authority instanceof OAuth2UserAuthority oauth2) {
			return oauth2.getAttributes();
		}
		return Map.of();
	}

	private static List<String> values(Object claim) {
		if (claim instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String one) {
			return List.of(one.split("[ ,]+"));
		}
		return List.of();
	}

}
