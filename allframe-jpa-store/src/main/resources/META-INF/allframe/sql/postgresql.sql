-- AllFrame event store schema for PostgreSQL.
CREATE TABLE allframe_events (
    global_position BIGINT PRIMARY KEY,
    event_id VARCHAR(36) NOT NULL,
    stream_id VARCHAR(200) NOT NULL,
    stream_version BIGINT NOT NULL,
    type_name VARCHAR(200) NOT NULL,
    schema_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    metadata TEXT,
    correlation_id VARCHAR(200),
    causation_id VARCHAR(200),
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tags TEXT,
    CONSTRAINT allframe_events_event_id_uk UNIQUE (event_id),
    CONSTRAINT allframe_events_stream_uk UNIQUE (stream_id, stream_version)
);

-- The tags of the events (their type beside each), by which queries find them: an event carrying three tags has
-- three rows here. The events keep their tags too, which is what reads give back.
CREATE TABLE allframe_event_tags (
    tag VARCHAR(200) NOT NULL,
    global_position BIGINT NOT NULL,
    type_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (tag, global_position)
);

CREATE TABLE allframe_head (
    id INTEGER PRIMARY KEY,
    head_position BIGINT NOT NULL
);

INSERT INTO allframe_head (id, head_position) VALUES (1, 0);

-- Global positions. An append takes the positions after the sequence's value and raises it, both while it holds an
-- advisory lock (the gate) for a moment only, and marks the first of them with a shared advisory lock of its
-- transaction, which the database holds until that transaction ends, commit or rollback, and drops with it if the
-- server or the client dies. Appends therefore run side by side, each in its caller's transaction, and no append waits
-- for another's commit. A reader reads only up to allframe_readable(): the positions below the lowest mark still held,
-- all of whose transactions ended. A rolled-back append leaves its positions unused: the order is gap-safe, not dense.
-- The keys of the marks and of the gate (one bigint each): 'A' (0x41), then 16 bits of the sequence's oid (schemas
-- in one database do not share keys), then 40 bits of position. Position 0's key is the hold: every transaction that
-- takes positions holds it shared until it ends, and allframe_hold_appends() exclusively.
CREATE SEQUENCE allframe_positions MINVALUE 0 START WITH 0;

SELECT setval('allframe_positions', greatest((SELECT coalesce(max(head_position), 0) FROM allframe_head),
    (SELECT coalesce(max(global_position), 0) FROM allframe_events)));

CREATE OR REPLACE FUNCTION allframe_position_keys() RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT (65::BIGINT << 56) | (('allframe_positions'::regclass::oid::BIGINT & 65535) << 40)
$$;

-- Waits until every append holding positions below the given one ended (its transaction committed or rolled back):
-- takes, then drops, each one's mark exclusively. The caller's own marks do not stop it.
CREATE OR REPLACE FUNCTION allframe_wait_below(below BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    keys BIGINT := allframe_position_keys();
    lower BIGINT;
BEGIN
    FOR lower IN SELECT (l.classid::BIGINT << 32) | l.objid::BIGINT FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.mode = 'ShareLock' AND l.granted
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND ((l.classid::BIGINT << 32) | l.objid::BIGINT) BETWEEN keys + 1 AND keys + below - 1 LOOP
        PERFORM pg_advisory_lock(lower);
        PERFORM pg_advisory_unlock(lower);
    END LOOP;
END
$$;

-- Takes n positions, marks them until the transaction ends and returns the last. With wait_below, then waits until
-- every append holding lower positions ended, so that what the caller reads next holds all of them (query conditions).
-- The transaction's first positions wait while allframe_hold_appends() holds; those of a transaction that holds
-- positions already do not (it holds the hold shared, and the holder waits for its end).
CREATE OR REPLACE FUNCTION allframe_take_positions(n INTEGER, wait_below BOOLEAN) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
    keys BIGINT := allframe_position_keys();
    gate BIGINT := keys + 1099511627775;
    first BIGINT;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'AF2066: this transaction runs at %; AllFrame needs read committed',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock_shared(keys);
    PERFORM pg_advisory_lock(gate);
    BEGIN
        -- one position: nextval, which logs the sequence once per 32 values where setval logs each time
        IF n = 1 THEN
            first := nextval('allframe_positions');
            IF first = 0 THEN
                first := nextval('allframe_positions');
            END IF;
        ELSE
            SELECT greatest(CASE WHEN is_called THEN last_value ELSE last_value - 1 END, 0) + 1 INTO first
                FROM allframe_positions;
        END IF;
        IF first + n - 1 > 1099511627774 THEN
            RAISE EXCEPTION 'AF2062: The global log cannot hold more than 1099511627774 positions';
        END IF;
        PERFORM pg_advisory_xact_lock_shared(keys + first);
        IF n > 1 THEN
            PERFORM setval('allframe_positions', first + n - 1);
        END IF;
    EXCEPTION WHEN OTHERS THEN
        PERFORM pg_advisory_unlock(gate);
        RAISE;
    END;
    PERFORM pg_advisory_unlock(gate);
    IF wait_below THEN
        PERFORM allframe_wait_below(first);
    END IF;
    RETURN first + n - 1;
END
$$;

-- Keeps appends from taking positions until the caller's transaction ends, once every transaction that took some
-- ended (an inline projection's rebuild catching up with the log): the hold, exclusively. A transaction that holds
-- positions may take more meanwhile; the caller waits for it.
CREATE OR REPLACE FUNCTION allframe_hold_appends() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(allframe_position_keys());
END
$$;

-- Gives back the n positions ending at last (by default the last this session took), when no append took any after
-- them: an append that stored nothing (a refused condition) then leaves no unused position behind unless others
-- appended meanwhile.
CREATE OR REPLACE FUNCTION allframe_give_back(n INTEGER, last BIGINT DEFAULT NULL) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    gate BIGINT := allframe_position_keys() + 1099511627775;
    taken BIGINT := coalesce(last, currval('allframe_positions'));
BEGIN
    PERFORM pg_advisory_lock(gate);
    BEGIN
        IF (SELECT last_value FROM allframe_positions) = taken THEN
            PERFORM setval('allframe_positions', taken - n);
        END IF;
    EXCEPTION WHEN OTHERS THEN
        PERFORM pg_advisory_unlock(gate);
        RAISE;
    END;
    PERFORM pg_advisory_unlock(gate);
END
$$;

-- The highest position up to which every append ended: the sequence's value and the lowest mark held, read together
-- while holding the gate (shared), so that no append takes or gives back positions in between. The caller's own marks
-- do not count: its transaction sees what it appended (a prepared transaction's marks, which no session holds, do).
-- Both this and allframe_take_positions need read committed: each statement after them takes a snapshot of its own,
-- later than what they read; at a higher level the transaction's first snapshot could miss appends they count ended.
CREATE OR REPLACE FUNCTION allframe_readable() RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    keys BIGINT := allframe_position_keys();
    gate BIGINT := keys + 1099511627775;
    head BIGINT;
    lowest BIGINT;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'AF2066: this transaction runs at %; AllFrame needs read committed',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_lock_shared(gate);
    BEGIN
        SELECT greatest(CASE WHEN is_called THEN last_value ELSE last_value - 1 END, 0) INTO head
            FROM allframe_positions;
        SELECT min(((l.classid::BIGINT << 32) | l.objid::BIGINT) - keys) INTO lowest FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.mode = 'ShareLock' AND l.granted
            AND l.pid IS DISTINCT FROM pg_backend_pid()
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND ((l.classid::BIGINT << 32) | l.objid::BIGINT) BETWEEN keys + 1 AND keys + 1099511627774;
    EXCEPTION WHEN OTHERS THEN
        PERFORM pg_advisory_unlock_shared(gate);
        RAISE;
    END;
    PERFORM pg_advisory_unlock_shared(gate);
    RETURN CASE WHEN lowest IS NULL OR lowest > head THEN head ELSE lowest - 1 END;
END
$$;

CREATE TABLE allframe_idempotency_keys (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    stream_id VARCHAR(200) NOT NULL,
    stream_version BIGINT NOT NULL,
    first_position BIGINT NOT NULL,
    last_position BIGINT NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    idempotency_scope VARCHAR(200)
);

CREATE INDEX allframe_idempotency_keys_scope_ix ON allframe_idempotency_keys (idempotency_scope);

-- Retention removes the oldest keys, scopes and finished sagas first: each by the index on its time.
CREATE INDEX allframe_idempotency_keys_recorded_ix ON allframe_idempotency_keys (recorded_at);

CREATE TABLE allframe_closed_scopes (
    idempotency_scope VARCHAR(200) PRIMARY KEY,
    closed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX allframe_closed_scopes_closed_ix ON allframe_closed_scopes (closed_at);

CREATE TABLE allframe_snapshots (
    stream_id VARCHAR(200) PRIMARY KEY,
    stream_version BIGINT NOT NULL,
    state_type VARCHAR(300) NOT NULL,
    state_fingerprint VARCHAR(200) NOT NULL,
    payload TEXT NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE allframe_checkpoints (
    projection VARCHAR(200) PRIMARY KEY,
    global_position BIGINT NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Events async projections went past: each refers to its event by global position; payloads stay in the log.
CREATE TABLE allframe_dead_letters (
    projection VARCHAR(200) NOT NULL,
    global_position BIGINT NOT NULL,
    stream_id VARCHAR(200),
    stream_version BIGINT NOT NULL,
    type_name VARCHAR(200),
    failure_message TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    parked_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    parked_by VARCHAR(200) NOT NULL,
    reason TEXT NOT NULL,
    last_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (projection, global_position)
);

-- Which node applies each async projection: the node holding its lease, fenced by a token that grows with each
-- take-over; beside it, what operators asked of the projection and the failure it stopped at, for every node to see.
-- Nodes record that they live, so that each takes its share of the projections.
CREATE TABLE allframe_projection_leases (
    projection VARCHAR(200) PRIMARY KEY,
    node_id VARCHAR(200),
    fencing_token BIGINT NOT NULL,
    lease_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    paused BOOLEAN NOT NULL,
    reset_pending BOOLEAN NOT NULL,
    rebuild_target BIGINT NOT NULL,
    failed_position BIGINT,
    failed_stream_id VARCHAR(200),
    failed_stream_version BIGINT,
    failed_type_name VARCHAR(200),
    failure_message TEXT
);

CREATE TABLE allframe_nodes (
    node_id VARCHAR(200) PRIMARY KEY,
    lease_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE allframe_sagas (
    saga_id VARCHAR(36) PRIMARY KEY,
    saga_name VARCHAR(200) NOT NULL,
    saga_state VARCHAR(30) NOT NULL,
    current_step INTEGER NOT NULL,
    step_count INTEGER NOT NULL,
    input_type VARCHAR(300) NOT NULL,
    input_json TEXT NOT NULL,
    outputs_json TEXT NOT NULL,
    failed_step INTEGER NOT NULL,
    failure_message TEXT,
    owner_id VARCHAR(36) NOT NULL,
    lease_until TIMESTAMP(6) WITH TIME ZONE,
    started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    trace_parent VARCHAR(100)
);

CREATE INDEX allframe_sagas_state_ix ON allframe_sagas (saga_state);

CREATE INDEX allframe_sagas_updated_ix ON allframe_sagas (updated_at);

CREATE TABLE allframe_saga_steps (
    saga_id VARCHAR(36) NOT NULL,
    entry_number INTEGER NOT NULL,
    step INTEGER NOT NULL,
    step_name VARCHAR(200) NOT NULL,
    step_action VARCHAR(20) NOT NULL,
    step_result VARCHAR(20) NOT NULL,
    error_message TEXT,
    started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (saga_id, entry_number)
);

-- Tells the servers sharing the schema what was committed, as it commits (they LISTEN on "allframe.<schema>"):
-- batches of async projections ("c <checkpoint> <projection>") and what operators asked of a projection
-- ("k <projection>"). Appends ("a <position>") are told by the server that made them, after their commit, from a
-- transaction of its own: a notifying transaction holds a lock of the database through its commit, which made
-- appends commit one after the other. The function keeps the branches of the triggers earlier versions put on the
-- events (allframe_events_notify) and the head. A server that misses a notification finds the change at its next poll.
CREATE OR REPLACE FUNCTION allframe_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    channel TEXT := left('allframe.' || TG_TABLE_SCHEMA, 63);
BEGIN
    IF TG_TABLE_NAME = 'allframe_events' THEN
        PERFORM pg_notify(channel, 'a ' || last) FROM (SELECT max(global_position) AS last FROM appended) a
            WHERE last IS NOT NULL;
    ELSIF TG_TABLE_NAME = 'allframe_head' THEN
        PERFORM pg_notify(channel, 'a ' || (SELECT head_position FROM allframe_head WHERE id = 1));
    ELSIF TG_TABLE_NAME = 'allframe_checkpoints' THEN
        PERFORM pg_notify(channel, 'c ' || NEW.global_position || ' ' || NEW.projection);
    ELSIF TG_OP = 'INSERT' OR OLD.paused IS DISTINCT FROM NEW.paused
            OR OLD.reset_pending IS DISTINCT FROM NEW.reset_pending OR OLD.rebuild_target IS DISTINCT FROM NEW.rebuild_target
            OR OLD.failed_position IS DISTINCT FROM NEW.failed_position THEN
        PERFORM pg_notify(channel, 'k ' || NEW.projection);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER allframe_checkpoints_notify AFTER INSERT OR UPDATE ON allframe_checkpoints
    FOR EACH ROW EXECUTE FUNCTION allframe_notify();

CREATE TRIGGER allframe_projection_leases_notify AFTER INSERT OR UPDATE ON allframe_projection_leases
    FOR EACH ROW EXECUTE FUNCTION allframe_notify();
