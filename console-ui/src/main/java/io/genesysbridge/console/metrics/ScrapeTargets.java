package io.genesysbridge.console.metrics;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the configured Prometheus URLs into the endpoints of one scrape. A plain
 * {@code http(s)://} URL is scraped as it is. A URL prefixed {@code dns+} (e.g.
 * {@code dns+http://processor-headless:8081/actuator/prometheus}, the convention of Thanos
 * and Cortex) names a host whose every address is one processor replica, as a Kubernetes
 * headless Service answers: it is resolved again at every scrape, so replicas that come
 * and go are followed (within the JVM's DNS cache, {@code networkaddress.cache.ttl}).
 */
final class ScrapeTargets {

	static final String DNS_PREFIX = "dns+";

	private final Resolver resolver;

	ScrapeTargets(Resolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * @param configured the configured URLs
	 * @param errors where a name that does not resolve is reported
	 * @return the endpoints to read now
	 */
	List<URI> resolve(List<URI> configured, List<String> errors) {
		List<URI> targets = new ArrayList<>();
		for (URI url : configured) {
			if (!isDns(url)) {
				targets.add(url);
				continue;
			}
			try {
				targets.addAll(expand(url));
			}
			catch (UnknownHostException ex) {
				errors.add(url + ": no address");
			}
		}
		return targets;
	}

	static boolean isDns(URI url) {
		return url.getScheme() != null && url.getScheme().toLowerCase(Locale.ROOT).startsWith(DNS_PREFIX);
	}

	private List<URI> expand(URI url) throws UnknownHostException {
		String scheme = url.getScheme().substring(DNS_PREFIX.length());
		List<URI> targets = new ArrayList<>();
		for (InetAddress address : this.resolver.resolve(url.getHost())) {
			try {
				targets.add(new URI(scheme, url.getUserInfo(), address.getHostAddress(), url.getPort(), url.getPath(),
						url.getQuery(), null));
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("cannot address " + address + " for " + url, ex);
			}
		}
		return targets;
	}

	/**
	 * Every address of a host name.
	 */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
