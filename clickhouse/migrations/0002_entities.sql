-- Current state of entities. version is the stream sequence of the event that produced the row,
-- so a replay writes the same versions and the newest fact wins. Read with FINAL or argMax.
CREATE TABLE IF NOT EXISTS merchants
(
    id String,
    name String,
    districtId LowCardinality(String),
    businessType LowCardinality(String),
    scale LowCardinality(String),
    status LowCardinality(String),
    creditCode String,
    address String,
    lon Float64,
    lat Float64,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS licences
(
    merchantId String,
    licenceId String,
    districtId LowCardinality(String),
    kind LowCardinality(String),
    number String,
    scope String,
    authority String,
    validFrom Date,
    validTo Date,
    revoked UInt8,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, licenceId);

CREATE TABLE IF NOT EXISTS lots
(
    merchantId String,
    lotId String,
    districtId LowCardinality(String),
    supplierId String,
    supplierName String,
    sku String,
    productName String,
    quantity Float64,
    unit LowCardinality(String),
    productionDate Date,
    expiresOn Date,
    receivedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, lotId);
