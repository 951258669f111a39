package vn.tandem.process.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.tandem.identity.TandemPrincipal;

/**
 * The engine REST API's answers to a caller's mistakes, and its role gate.
 * <ul>
 * <li>Camunda answers 500 for almost every refusal the engine raises (an unknown id, a state that does not allow
 * the operation, a prohibited Java-serialized variable). Here a failure that is not the server's own — no database
 * or persistence error anywhere in its causes — answers 400 (404 for the engine's "not found", 409 for a lost
 * concurrent update), with Camunda's {@code {type, message}} body so Camunda Modeler and clients still read it.
 * <li>Designers may read, query and deploy; every other write (suspend, set retries, variables, migrate…) is
 * refused with 403 before it reaches the engine, whatever the engine's own authorization would say about an object
 * that happens not to exist.
 * </ul>
 */
@Configuration
class EngineRestErrors {

    /** Writes a designer may make: deploy and redeploy. */
    static final Set<String> DESIGNER_WRITES = Set.of("createDeployment", "redeploy");

    @Bean
    ResourceConfigCustomizer engineRestErrorAnswers() {
        return config -> config.register(EngineFailures.class)
                .register(RestFailures.class)
                .register(DesignerGate.class);
    }

    /** The status a failure deserves when Camunda would answer 500. */
    static Response.Status status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException
                    || t.getClass().getName().startsWith("org.apache.ibatis")
                    || t instanceof Error) {
                return Response.Status.INTERNAL_SERVER_ERROR;
            }
            if (t instanceof OptimisticLockingException) {
                return Response.Status.CONFLICT;
            }
        }
        return failure instanceof NotFoundException ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
    }

    private static Response answer(Response.Status status, ExceptionDto body) {
        return Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Engine exceptions: Camunda's status where it is not 500, else {@link #status}. */
    @Priority(1)
    static class EngineFailures implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
            Response.Status status = helper.getStatus(exception);
            if (status == Response.Status.INTERNAL_SERVER_ERROR) {
                status = status(exception);
            }
            if (status == Response.Status.INTERNAL_SERVER_ERROR) {
                return helper.getResponse(exception); // logged there
            }
            return answer(status, helper.fromException(exception));
        }
    }

    /** The REST layer's own wrapper: a 500 around an engine refusal is the caller's mistake too. */
    @Priority(1)
    static class RestFailures implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
            Response.Status status = helper.getStatus(exception);
            if (status == Response.Status.INTERNAL_SERVER_ERROR && exception.getCause() != null) {
                status = status(exception.getCause());
            }
            if (status == Response.Status.INTERNAL_SERVER_ERROR) {
                return helper.getResponse(exception);
            }
            return answer(status, helper.fromException(exception));
        }
    }

    /** Designers (without the admin role) may read, query and deploy, nothing else. */
    @Priority(100)
    static class DesignerGate implements ContainerRequestFilter {

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) {
            String method = request.getMethod();
            if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
                return;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null
                    && auth.getPrincipal() instanceof TandemPrincipal p
                    && p.user().isAdmin()) {
                return;
            }
            String name = resource == null || resource.getResourceMethod() == null
                    ? ""
                    : resource.getResourceMethod().getName();
            boolean query = name.startsWith("query")
                    || name.startsWith("postQuery")
                    || name.startsWith("get")
                    || "postExecuteFilterCount".equals(name)
                    || "executeFilterList".equals(name);
            if (!query && !DESIGNER_WRITES.contains(name)) {
                ExceptionDto body = new ExceptionDto();
                body.setType("AuthorizationException");
                body.setMessage("Designers may read, query and deploy through the engine API (refused: " + name + ")");
                request.abortWith(answer(Response.Status.FORBIDDEN, body));
            }
        }
    }
}
