-- Inspection tasks (任务中心, issue 5) by their id: each step writes a new version of the row
-- (the stream sequence of the event that made it), read with FINAL.
CREATE TABLE IF NOT EXISTS tasks
(
    id String,
    kind LowCardinality(String),
    status LowCardinality(String),
    merchantId String,
    districtId LowCardinality(String),
    title String,
    dueAt DateTime64(3, 'UTC'),
    assignees Array(String),
    alertIds Array(String),
    planId String DEFAULT '',
    drawId String DEFAULT '',
    followsInspectionId String DEFAULT '',
    note String DEFAULT '',
    createdAt DateTime64(3, 'UTC'),
    createdBy String,
    updatedAt DateTime64(3, 'UTC'),
    startedAt Nullable(DateTime64(3, 'UTC')),
    doneAt Nullable(DateTime64(3, 'UTC')),
    inspectionId String DEFAULT '',
    result LowCardinality(String) DEFAULT '',
    cancelReason String DEFAULT '',
    escalatedFor Nullable(DateTime64(3, 'UTC')),
    escalatedAuto UInt8 DEFAULT 0,
    lastEventId String,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;
