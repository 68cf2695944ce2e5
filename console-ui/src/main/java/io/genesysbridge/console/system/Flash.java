package io.genesysbridge.console.system;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown at the top of the next page after a form was posted.
 *
 * @param level {@code ok}, {@code warn} or {@code error}
 * @param text the message
 */
public record Flash(String level, String text) {

	/**
	 * @param redirect the redirect's attributes
	 * @param ok whether the action succeeded
	 * @param success the message on success
	 * @param failure the message otherwise
	 */
	public static void of(RedirectAttributes redirect, boolean ok, String success, String failure) {
		redirect.addFlashAttribute("flash", ok ? new Flash("ok", success) : new Flash("warn", failure));
	}

	/**
	 * @param redirect the redirect's attributes
	 * @param level {@code ok}, {@code warn} or {@code error}
	 * @param text the message
	 */
	public static void show(RedirectAttributes redirect, String level, String text) {
		redirect.addFlashAttribute("flash", new Flash(level, text));
	}

}
