package dev.allframe;

import dev.allframe.core.AllFrameMessages;
import java.util.List;

/**
 * Every problem AllFrame found while the application deployed, reported at once. The deployment fails
 * with this exception; each problem starts with its own id and names its site.
 */
public class AllFrameDeploymentException extends AllFrameException {

    private final List<String> problems;

    public AllFrameDeploymentException(List<String> problems) {
        super(AllFrameMessages.deploymentProblems(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem's message. */
    public List<String> problems() {
        return problems;
    }
}
