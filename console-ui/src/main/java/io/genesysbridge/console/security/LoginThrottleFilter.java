package io.genesysbridge.console.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form sign-in while its user name or client address must still wait after
 * repeated failures (see {@link LoginThrottle}); the password is then not even checked.
 * The sign-in page says how long to wait.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
			Duration wait = this.throttle.waitBefore(LoginOutcomes.typedUsername(request), request.getRemoteAddr());
			if (!wait.isZero()) {
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
