package dev.allframe.core;

import dev.allframe.AllFrameException;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.event.TagBackfill;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.RetagEvents;
import java.util.logging.Logger;

/** Runs through the log, page by page, giving each event the tags its newest class gives it. */
public final class TagBackfiller implements TagBackfill {

    private static final Logger LOG = Logger.getLogger(TagBackfiller.class.getName());
    private static final int PAGE = 500;

    private final EventStore store;
    private final String storeName;

    public TagBackfiller(EventStore store, String storeName) {
        this.store = store;
        this.storeName = storeName;
    }

    /** @throws AllFrameException the store cannot give stored events other tags ({@code AF1177}) */
    @Override
    public Result run() {
        if (!(store instanceof RetagEvents retagging)) {
            throw new AllFrameException(StoreMessages.cannotRetag(storeName));
        }
        long after = 0;
        long read = 0;
        long retagged = 0;
        RetagEvents.RetagPage page;
        do {
            page = retagging.retag(after, PAGE, event -> TagComponents.tagsOf(event.event()));
            read += page.read();
            retagged += page.retagged();
            after = page.readTo();
        } while (page.read() == PAGE);
        Result result = new Result(read, retagged, after);
        LOG.info(StoreMessages.retagged(result.read(), result.readTo(), result.retagged()).toString());
        return result;
    }
}
