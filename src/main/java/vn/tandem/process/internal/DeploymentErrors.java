package vn.tandem.process.internal;

import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import vn.tandem.process.BpmnCheck;

/**
 * A deployment the engine cannot complete because of what the model says — a timer start event whose date does
 * not evaluate, a refused expression evaluated while deploying — is the designer's mistake: it answers as a
 * refused file (a {@link ParseException}, 400 with the reason), not as a server failure. Database and
 * concurrency failures stay what they are.
 */
final class DeploymentErrors extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (!(command instanceof DeployCmd)) {
            return next.execute(command);
        }
        try {
            return next.execute(command);
        } catch (ParseException | AuthorizationException | OptimisticLockingException | BadUserRequestException e) {
            throw e;
        } catch (ProcessEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException || t.getClass().getName().startsWith("org.apache.ibatis")) {
                    throw e;
                }
            }
            BpmnCheck.Problem problem = new BpmnCheck.Problem(
                    "The process cannot be deployed: " + e.getMessage(),
                    null,
                    0,
                    0,
                    "bpmn.deployFailed",
                    String.valueOf(e.getMessage()));
            throw new ParseException(
                    "Deployment refused: " + e.getMessage(),
                    "deployment",
                    List.of(new BpmnDeploymentGuard.EngineProblem(problem)),
                    List.of());
        }
    }
}
