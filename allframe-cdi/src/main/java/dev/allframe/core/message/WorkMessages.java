package dev.allframe.core.message;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;

/** AllFrame's threads and timers. */
public final class WorkMessages {

    static final MessageTemplate AF1159 = new MessageTemplate("AF1159",
            "AllFrame is stopping with the application: no new work starts");
    static final MessageTemplate AF1160 = new MessageTemplate("AF1160",
            "A timed task of AllFrame failed, and is not run again: %s");

    private WorkMessages() {
    }

    public static AllFrameMessage stopped() {
        return AF1159.with();
    }

    public static AllFrameMessage timedTaskFailed(Throwable cause) {
        return AF1160.with(AllFrameMessage.describe(cause));
    }
}
