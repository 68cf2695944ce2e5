package io.genesysbridge.backend.tenant;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A Genesys Cloud region: API and login base URLs derived from the region domain
 * ({@code mypurecloud.ie} gives {@code https://api.mypurecloud.ie} and
 * {@code https://login.mypurecloud.ie}), each overridable (tests, private links).
 *
 * @param domain the region domain, e.g. {@code mypurecloud.com} or {@code euw2.pure.cloud}
 * @param apiBaseUrl base of every {@code /api/v2} call, without a trailing slash
 * @param loginBaseUrl base of {@code /oauth/token}, without a trailing slash
 */
public record GenesysRegion(String domain, String apiBaseUrl, String loginBaseUrl) {

	public GenesysRegion {
		Assert.hasText(domain, "region domain must not be blank");
		Assert.hasText(apiBaseUrl, "API base URL must not be blank");
		Assert.hasText(loginBaseUrl, "login base URL must not be blank");
		URI.create(apiBaseUrl);
		URI.create(loginBaseUrl);
	}

	/**
	 * Derives the URLs from the domain unless overridden.
	 * @param domain region domain
	 * @param apiBaseUrl override or null
	 * @param loginBaseUrl override or null
	 * @return the region
	 */
	public static GenesysRegion of(String domain, @Nullable String apiBaseUrl, @Nullable String loginBaseUrl) {
		String api = StringUtils.hasText(apiBaseUrl) ? apiBaseUrl : "https://api." + domain;
		String login = StringUtils.hasText(loginBaseUrl) ? loginBaseUrl : "https://login." + domain;
		return new GenesysRegion(domain, stripSlash(api), stripSlash(login));
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
