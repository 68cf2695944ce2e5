package io.genesysbridge.backend.api;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and browsed in Swagger UI at
 * {@code /swagger-ui.html}: the API-key security scheme, and the error answers every
 * operation can give, so callers see them without each controller repeating them. Genesys
 * models the API passes through ({@link JsonNode}) are described as plain objects.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String SECURITY_SCHEME = "apiKey";

	private static final String ERROR_SCHEMA = "Error";

	private static final Map<String, String> ERRORS = Map.of("400",
			"Invalid request (validation_failed with the fields, bad_request, unknown_integration)", "401",
			"Missing or unknown API key", "403", "The API key may not act for this tenant", "404",
			"Unknown tenant, or Genesys answered 404 (genesys_error)", "409",
			"Tenant disabled or without integration, no customer participant, or a Genesys 409", "422",
			"Genesys rejected the request as invalid (Genesys 400)", "429",
			"Genesys or the bridge rate limit: wait Retry-After seconds", "502",
			"Genesys failed, or refused the bridge's credentials (Genesys 401/403/5xx)", "503",
			"Genesys unavailable or unreachable: wait Retry-After seconds if given", "504",
			"Genesys did not answer in time");

	static {
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class,
					new ObjectSchema().description("A Genesys Cloud model, passed through as Genesys returned it"));
	}

	@Bean
	OpenAPI genesysBridgeOpenApi() {
		return new OpenAPI()
			.info(new Info().title("genesys-bridge REST API")
				.version("v1")
				.description("Per-tenant Genesys Cloud operations for the WhatsApp platform's services. "
						+ "Authenticate with an API key in the X-API-Key header (Authorize button)."))
			.components(new Components().addSecuritySchemes(SECURITY_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name(ApiKeyConverter.HEADER)
						.description("API key of the calling service (stored hashed by the bridge)")))
			.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
	}

	@Bean
	OpenApiCustomizer errorResponses() {
		return (openApi) -> {
			ModelConverters.getInstance().read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations().forEach(OpenApiConfiguration::addErrors));
		};
	}

	private static void addErrors(Operation operation) {
		Content content = new Content().addMediaType("application/json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
		ERRORS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((error) -> {
			if (!operation.getResponses().containsKey(error.getKey())) {
				ApiResponse response = new ApiResponse().description(error.getValue()).content(content);
				if (error.getKey().equals("429") || error.getKey().equals("503")) {
					response.addHeaderObject("Retry-After",
							new Header().description("Seconds to wait").schema(new IntegerSchema()));
				}
				operation.getResponses().addApiResponse(error.getKey(), response);
			}
		});
	}

}
