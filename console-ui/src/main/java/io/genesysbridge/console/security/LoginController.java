package io.genesysbridge.console.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and "my permissions" page.
 */
@Controller
class LoginController {

	static final String VIEW_LOGIN = "login";

	static final String VIEW_ME = "me";

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<Provider> providers = new ArrayList<>();
		if (this.oidc.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				ClientRegistration client = (ClientRegistration) registration;
				providers
					.add(new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
			}
		}
		model.addAttribute("providers", providers);
		return VIEW_LOGIN;
	}

	@GetMapping("/me")
	String me() {
		return VIEW_ME;
	}

	/**
	 * An OIDC provider to sign in with.
	 *
	 * @param name display name
	 * @param url where the sign-in starts
	 */
	record Provider(String name, String url) {
	}

}
