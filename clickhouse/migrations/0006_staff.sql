-- The roster: who works where, with their health certificate (健康证). version is the stream
-- sequence of the event that produced the row; a removal keeps the row with removed = 1.
CREATE TABLE IF NOT EXISTS staff
(
    merchantId String,
    staffId String,
    districtId LowCardinality(String),
    name String,
    position LowCardinality(String),
    certNumber String,
    certValidFrom Nullable(Date),
    certValidTo Nullable(Date),
    removed UInt8,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, staffId);
