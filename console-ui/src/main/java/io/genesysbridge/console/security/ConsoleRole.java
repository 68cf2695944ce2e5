package io.genesysbridge.console.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The console's roles. Each includes the ones below it: an ADMIN may do what an OPERATOR
 * may, and an OPERATOR what a VIEWER may. Users carry every included role as an
 * authority, so every check is a plain role check.
 */
public enum ConsoleRole {

	/** Reads every page; sees phone numbers masked and message text hidden. */
	VIEWER,

	/** Also replays dead letters, pauses and resumes tenants, changes rate limits. */
	OPERATOR,

	/** Also archives dead letters, forces circuits and sees unmasked customer data. */
	ADMIN;

	/**
	 * @return the Spring Security authority, e.g. {@code ROLE_OPERATOR}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * @return this role's authority and those of every role it includes
	 */
	List<GrantedAuthority> grantedAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (ConsoleRole role : values()) {
			if (role.ordinal() <= ordinal()) {
				authorities.add(new SimpleGrantedAuthority(role.authority()));
			}
		}
		return authorities;
	}

	/**
	 * @param roles configured roles
	 * @return the authorities of all of them, without duplicates
	 */
	static List<GrantedAuthority> authoritiesOf(Collection<ConsoleRole> roles) {
		return roles.stream().flatMap((role) -> role.grantedAuthorities().stream()).distinct().toList();
	}

	/**
	 * @param authentication the signed-in user, or null
	 * @return whether the user holds this role (directly or through a higher one)
	 */
	public boolean heldBy(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		String wanted = authority();
		return authentication.getAuthorities().stream().anyMatch((granted) -> wanted.equals(granted.getAuthority()));
	}

}
