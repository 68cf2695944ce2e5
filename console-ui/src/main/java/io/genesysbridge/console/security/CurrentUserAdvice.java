package io.genesysbridge.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user and what they may do into every page's model, so templates show
 * only the buttons the user may press (the server enforces the same rules regardless).
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !ConsoleRole.VIEWER.heldBy(authentication)) {
			return CurrentUser.ANONYMOUS;
		}
		boolean admin = ConsoleRole.ADMIN.heldBy(authentication);
		boolean operator = ConsoleRole.OPERATOR.heldBy(authentication);
		String role = admin ? "ADMIN" : (operator ? "OPERATOR" : "VIEWER");
		return new CurrentUser(Operators.name(authentication), role, operator, admin);
	}

	/**
	 * The signed-in user as the templates see it.
	 *
	 * @param name user name
	 * @param role highest role
	 * @param canOperate may replay, pause, change limits
	 * @param canAdmin may archive, force circuits, see unmasked data
	 */
	record CurrentUser(String name, String role, boolean canOperate, boolean canAdmin) {

		static final CurrentUser ANONYMOUS = new CurrentUser("", "", false, false);

		public boolean signedIn() {
			return !this.name.isEmpty();
		}

	}

}
