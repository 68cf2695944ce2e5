package io.genesysbridge.console.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;

/**
 * Counts failed form sign-ins for the {@link LoginThrottle}, forgets them on success, and
 * writes both to the audit log.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final int MAX_NAME = 64;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

	private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

	LoginOutcomes(LoginThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		this.throttle.succeeded(authentication.getName());
		this.audit.record(AuditEvent.of(Operators.name(authentication), "login", Operators.name(authentication), "",
				AuditEvent.Result.OK, "signed in"));
		this.success.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String username = typedUsername(request);
		this.throttle.failed(username, request.getRemoteAddr());
		this.audit.record(AuditEvent.of(username, "login", username, "", AuditEvent.Result.REFUSED, "bad credentials"));
		this.failure.onAuthenticationFailure(request, response, exception);
	}

	static String typedUsername(HttpServletRequest request) {
		String username = request.getParameter("username");
		if (username == null) {
			return "";
		}
		String cleaned = username.replaceAll("[\\p{Cntrl},]", "").trim();
		return (cleaned.length() > MAX_NAME) ? cleaned.substring(0, MAX_NAME) : cleaned;
	}

}
