-- Every event, as it came, once. The event id is the identity: ReplacingMergeTree folds a copy that
-- slipped past NATS dedup and the processor's own checks (same id, same key) at merge time.
-- seq is the FS_EVENTS stream sequence: after a crash the processor asks which of the unacked
-- sequences are already here (minmax index), so a redelivered message never makes a second row.
CREATE TABLE IF NOT EXISTS events
(
    id UUID,
    seq UInt64,
    type LowCardinality(String),
    family LowCardinality(String),
    v UInt16,
    occurredAt DateTime64(3, 'UTC'),
    recordedAt DateTime64(3, 'UTC'),
    storedAt DateTime64(3, 'UTC') DEFAULT now64(3),
    merchantId String,
    districtId LowCardinality(String),
    actorKind LowCardinality(String),
    actorId String,
    payload String CODEC(ZSTD(3)),
    INDEX seq_idx seq TYPE minmax GRANULARITY 1,
    INDEX id_idx id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurredAt)
ORDER BY (districtId, merchantId, occurredAt, id);
