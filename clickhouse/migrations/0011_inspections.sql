-- 现场检查 (issue 5): one row per inspection.completed, as the inspector's phone sent it. The
-- event id derives from the inspection id, and the row is keyed by the inspection id, so a visit
-- sent twice (a retry after a lost answer, a second tab) is one row after merges (read FINAL).
-- The checklist is kept as JSON text: it is read whole, for the record and the print page.
CREATE TABLE IF NOT EXISTS inspections
(
    id String,
    eventId String,
    merchantId String,
    districtId LowCardinality(String),
    inspectorId String,
    coInspectorIds Array(String),
    result LowCardinality(String),
    checklist String,
    findings String,
    criticalFindings UInt16,
    rectificationItemIds Array(String),
    rectificationDeadline Nullable(DateTime64(3, 'UTC')),
    signatureAttachmentId String,
    signer String,
    taskId String,
    alertIds Array(String),
    startedAt Nullable(DateTime64(3, 'UTC')),
    occurredAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(occurredAt)
ORDER BY (merchantId, id);
