package org.ecabinet.platform.web;

import java.util.Set;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What the OpenAPI document says of every operation besides its shape: who may call it (the role rule of its
 * {@code @PreAuthorize}, else any signed-in user; per-resource rules are in each feature and answer 403) and the
 * problems it can answer, each an RFC 9457 problem with a machine {@code code}. Summaries come from the operations'
 * Javadoc (therapi keeps it at run time) or their {@code @Operation}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    private static final String PROBLEM = "Problem";
    /** Operations open without a sign-in (see the security configuration). */
    private static final Set<String> PUBLIC = Set.of("token", "trustAnchors", "receive", "health");

    @Bean
    OpenAPI cabinetApi() {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("English, for developers; users see the translation of code"))
                .addProperty("code", new StringSchema().description("stable machine code, e.g. ballot.deadline-passed, password.change-required"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("code", new StringSchema()).addProperty("message", new StringSchema())));
        return new OpenAPI()
                .info(new Info().title("e-Cabinet API").version("1")
                        .description("Cabinet sessions, written consultations, signed documents between agencies, audit and administration. "
                                + "Sign in with POST /api/auth/token and send the token as 'Authorization: Bearer …'. Every error is an "
                                + "application/problem+json with a machine code."))
                .components(new Components().addSchemas(PROBLEM, problem));
    }

    @Bean
    OperationCustomizer rolesAndProblems() {
        return (operation, handler) -> {
            String rule = roleRule(handler);
            boolean open = PUBLIC.contains(handler.getMethod().getName()) && rule == null;
            String who = open ? "Open without sign-in." : rule == null ? "Any signed-in user (and the resource's own rules)." : "Roles: " + rule + ".";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
            if (operation.getSummary() == null) {
                operation.setSummary(splitCamelCase(handler.getMethod().getName()));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (takesInput(handler)) {
                add(responses, "400", "Bad input: a problem with errors[] per field");
            }
            if (!open) {
                add(responses, "401", "Not signed in, or the token's user no longer exists or is disabled");
                add(responses, "403", "The role or the resource does not allow it (code forbidden, password.change-required, …)");
            }
            if (hasPathVariables(handler)) {
                add(responses, "404", "No such resource, or not one the caller may know of");
            }
            if (changesState(operation, handler)) {
                add(responses, "409", "Not allowed in the current state, or changed concurrently (code names which)");
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static String roleRule(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? null : rule.value().replace("hasRole('", "").replace("hasAnyRole(", "").replace("')", "")
                .replace("'", "").replace(")", "");
    }

    private static boolean takesInput(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestParam.class)
                    || parameter.hasParameterAnnotation(PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPathVariables(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changesState(Operation operation, HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), org.springframework.web.bind.annotation.PostMapping.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), org.springframework.web.bind.annotation.PutMapping.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), org.springframework.web.bind.annotation.DeleteMapping.class);
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    /** {@code changeRoles} → "Change roles": a summary for an operation without Javadoc or {@code @Operation}. */
    static String splitCamelCase(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
