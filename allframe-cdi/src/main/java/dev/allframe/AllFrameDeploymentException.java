package dev.allframe;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem AllFrame found while the application deployed, reported at once. The deployment fails
 * with this exception; each problem has its own id and names its site.
 */
public class AllFrameDeploymentException extends AllFrameException {

    private static final MessageTemplate AF1000 = new MessageTemplate("AF1000",
            "AllFrame found %s deployment problem%s:%s");

    private final List<AllFrameMessage> problems;

    public AllFrameDeploymentException(List<AllFrameMessage> problems) {
        super(AF1000.with(problems.size(), problems.size() == 1 ? "" : "s",
                problems.stream().map(p -> "\n  " + p).collect(Collectors.joining())));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, in the order found. */
    public List<AllFrameMessage> problems() {
        return problems;
    }
}
