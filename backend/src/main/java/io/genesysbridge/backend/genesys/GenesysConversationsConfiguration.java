package io.genesysbridge.backend.genesys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the conversation and directory clients on the shared {@link GenesysHttp}, so they
 * get the same token handling, error mapping and call guards as the inbound client.
 */
@Configuration(proxyBeanMethods = false)
class GenesysConversationsConfiguration {

	@Bean
	GenesysConversationsClient genesysConversationsClient(GenesysHttp http) {
		return new GenesysConversationsClient(http);
	}

	@Bean
	GenesysDirectoryClient genesysDirectoryClient(GenesysHttp http) {
		return new GenesysDirectoryClient(http);
	}

}
