package io.genesysbridge.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The name under which a signed-in user appears in the audit log and in Redis ("by"
 * fields).
 */
public final class Operators {

	private Operators() {
	}

	/**
	 * @param authentication the signed-in user
	 * @return the user name, or for an OIDC user the preferred user name or e-mail when
	 * the provider sends one (the subject otherwise)
	 */
	public static String name(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OidcUser oidc) {
			if (oidc.getPreferredUsername() != null) {
				return oidc.getPreferredUsername();
			}
			if (oidc.getEmail() != null) {
				return oidc.getEmail();
			}
		}
		return authentication.getName();
	}

}
