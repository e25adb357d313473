-- The register's contact and related enterprise (for regulators only: never on public pages).
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS contactName String DEFAULT '';
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS contactPhone String DEFAULT '';
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS enterpriseRelation LowCardinality(String) DEFAULT '';
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS enterpriseName String DEFAULT '';
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS enterpriseCreditCode String DEFAULT '';
-- A licence's scans (attachment ids in the object store).
ALTER TABLE licences ADD COLUMN IF NOT EXISTS attachmentIds Array(String) DEFAULT [];
-- When the register first had it: a ledger calendar has nothing to miss before that day.
ALTER TABLE merchants ADD COLUMN IF NOT EXISTS registeredAt Nullable(DateTime64(3, 'UTC'));

-- One row per ledger entry, on the day it claims on the districts' clock (the processor knows
-- the clock; a view here could only guess it). late: recorded long after the time it claims.
-- owed: the business owed this book that day (its type and scale then), so completeness counts
-- only those who owe it.
-- The key leads with the district so a district's 30 days read one contiguous range.
CREATE TABLE IF NOT EXISTS ledger_entries
(
    districtId LowCardinality(String),
    merchantId String,
    businessType LowCardinality(String),
    day Date,
    kind LowCardinality(String),
    eventId UUID,
    occurredAt DateTime64(3, 'UTC'),
    recordedAt DateTime64(3, 'UTC'),
    late UInt8,
    owed UInt8,
    actorId String,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (districtId, merchantId, day, kind, eventId);

-- Per district, day and kind: which merchants recorded (all, and those who owed it), how many
-- entries, how many late. uniq states, not sums, so a batch written twice after a crash counts
-- nothing twice.
CREATE TABLE IF NOT EXISTS ledger_district_days
(
    districtId LowCardinality(String),
    day Date,
    kind LowCardinality(String),
    merchants AggregateFunction(uniq, String),
    kept AggregateFunction(uniqIf, String, UInt8),
    entries AggregateFunction(uniq, UUID),
    lateEntries AggregateFunction(uniqIf, UUID, UInt8)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (districtId, day, kind);

CREATE MATERIALIZED VIEW IF NOT EXISTS ledger_district_days_mv TO ledger_district_days AS
SELECT
    districtId,
    day,
    kind,
    uniqState(merchantId) AS merchants,
    uniqIfState(merchantId, owed) AS kept,
    uniqState(eventId) AS entries,
    uniqIfState(eventId, late) AS lateEntries
FROM ledger_entries
GROUP BY districtId, day, kind;

-- 异议/复核: one row per dispute, its latest state (version = stream sequence).
CREATE TABLE IF NOT EXISTS ledger_disputes
(
    disputeId String,
    merchantId String,
    districtId LowCardinality(String),
    entryId String,
    entryType LowCardinality(String),
    entryAt DateTime64(3, 'UTC'),
    status LowCardinality(String),
    reason String,
    raisedBy String,
    raisedAt DateTime64(3, 'UTC'),
    answer String,
    answeredBy String,
    answeredAt Nullable(DateTime64(3, 'UTC')),
    outcome LowCardinality(String),
    closingNote String,
    closedBy String,
    closedAt Nullable(DateTime64(3, 'UTC')),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, disputeId);
