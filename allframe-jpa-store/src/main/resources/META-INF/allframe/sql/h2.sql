-- AllFrame event store schema for H2 2.x.
CREATE TABLE allframe_events (
    global_position BIGINT PRIMARY KEY,
    event_id VARCHAR(36) NOT NULL,
    stream_id VARCHAR(200) NOT NULL,
    stream_version BIGINT NOT NULL,
    type_name VARCHAR(200) NOT NULL,
    schema_version INTEGER NOT NULL,
    payload CHARACTER VARYING NOT NULL,
    metadata CHARACTER VARYING,
    correlation_id VARCHAR(200),
    causation_id VARCHAR(200),
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tags CHARACTER VARYING,
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
    payload CHARACTER VARYING NOT NULL,
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
    failure_message CHARACTER VARYING NOT NULL,
    attempts INTEGER NOT NULL,
    parked_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    parked_by VARCHAR(200) NOT NULL,
    reason CHARACTER VARYING NOT NULL,
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
    failure_message CHARACTER VARYING
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
    input_json CHARACTER VARYING NOT NULL,
    outputs_json CHARACTER VARYING NOT NULL,
    failed_step INTEGER NOT NULL,
    failure_message CHARACTER VARYING,
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
    error_message CHARACTER VARYING,
    started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (saga_id, entry_number)
);
