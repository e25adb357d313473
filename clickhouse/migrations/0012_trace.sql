-- 双向追溯 (issue 8). A lot is keyed by the merchant's own lotId; the supplier lot it belongs to
-- (the key a recall names) is the supplier and the printed batch number, or the product and its
-- production date. Purchase intake has sent batchNo all along; the column was missing.
ALTER TABLE lots ADD COLUMN IF NOT EXISTS batchNo String DEFAULT '';

-- A forward trace starts from a supplier: skip the granules of other suppliers.
ALTER TABLE lots ADD INDEX IF NOT EXISTS lots_supplier_idx supplierId TYPE bloom_filter GRANULARITY 4;

ALTER TABLE lots MATERIALIZE INDEX lots_supplier_idx;

-- One row per line of a till.sale.recorded. Ordered by lot first, so a forward trace of a lot is a
-- key range. (eventId, lineNo) is the line's identity: a copy folds at merge time (read FINAL).
-- A lot sells a few dozen lines: small granules (1024 rows) keep a trace of thousands of lots from
-- reading 8192 rows around each (scripts/bench-trace.ts).
CREATE TABLE IF NOT EXISTS sale_lines
(
    lotId String,
    merchantId String,
    districtId LowCardinality(String),
    soldAt DateTime64(3, 'UTC'),
    eventId String,
    lineNo UInt16,
    orderId String,
    sku String,
    quantity Float64,
    unitPriceFen Int64,
    memberId String DEFAULT '',
    INDEX sale_merchant_idx merchantId TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(soldAt)
ORDER BY (lotId, merchantId, soldAt, eventId, lineNo)
SETTINGS index_granularity = 1024;

-- Everything but purchases and sales that changes a lot. A count (盘点) keeps the quantity found:
-- the balance is resolved when read (the last count resets it, later moves apply on top).
CREATE TABLE IF NOT EXISTS stock_movements
(
    lotId String,
    merchantId String,
    districtId LowCardinality(String),
    occurredAt DateTime64(3, 'UTC'),
    eventId String,
    movementId String,
    sku String,
    kind LowCardinality(String),
    quantity Float64,
    reason String,
    recallId String DEFAULT ''
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurredAt)
ORDER BY (lotId, merchantId, occurredAt, eventId);

-- One notice per affected merchant (recall.opened), sharing the recallId.
CREATE TABLE IF NOT EXISTS recall_notices
(
    recallId String,
    merchantId String,
    districtId LowCardinality(String),
    title String,
    reason String,
    level LowCardinality(String),
    lots String,
    merchantLotIds Array(String),
    publicNotice String,
    openedAt DateTime64(3, 'UTC'),
    openedBy String,
    eventId String,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (recallId, merchantId);

-- The merchants' answers: acknowledged, lot_accounted, closed. Folded into progress when read.
CREATE TABLE IF NOT EXISTS recall_steps
(
    recallId String,
    merchantId String,
    districtId LowCardinality(String),
    kind LowCardinality(String),
    lotId String DEFAULT '',
    pulled Float64 DEFAULT 0,
    disposition String DEFAULT '',
    note String DEFAULT '',
    occurredAt DateTime64(3, 'UTC'),
    eventId String
)
ENGINE = ReplacingMergeTree
ORDER BY (recallId, merchantId, eventId);

-- The shop's catalogue and suppliers (current state; the newest upsert wins).
CREATE TABLE IF NOT EXISTS products
(
    merchantId String,
    sku String,
    districtId LowCardinality(String),
    name String,
    category LowCardinality(String),
    shelfLifeDays UInt32,
    storage LowCardinality(String),
    unit String,
    priceFen Nullable(Int64),
    retired UInt8,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, sku);

CREATE TABLE IF NOT EXISTS suppliers
(
    merchantId String,
    supplierId String,
    districtId LowCardinality(String),
    name String,
    licenceNo String,
    contactName String,
    contactPhone String,
    updatedAt DateTime64(3, 'UTC'),
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (merchantId, supplierId);
