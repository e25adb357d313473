-- The trace tables start with the history already in the events table: sales recorded before
-- them, and the batch numbers purchase intake sent before lots had the column. Same keys as the
-- processor writes (event id and line number; the lot's version), so a row written twice folds.
INSERT INTO sale_lines (lotId, merchantId, districtId, soldAt, eventId, lineNo, orderId, sku, quantity, unitPriceFen, memberId)
SELECT
    JSONExtractString(line, 'lotId'),
    merchantId,
    districtId,
    occurredAt,
    toString(id),
    toUInt16(n - 1),
    JSONExtractString(payload, 'orderId'),
    JSONExtractString(line, 'sku'),
    JSONExtractFloat(line, 'quantity'),
    JSONExtractInt(line, 'unitPriceFen'),
    JSONExtractString(payload, 'memberId')
FROM events
ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line, arrayEnumerate(JSONExtractArrayRaw(payload, 'lines')) AS n
WHERE type = 'till.sale.recorded'
SETTINGS max_partitions_per_insert_block = 10000;

INSERT INTO lots (merchantId, lotId, districtId, supplierId, supplierName, sku, productName, quantity, unit, productionDate, expiresOn, receivedAt, version, batchNo)
SELECT
    merchantId,
    JSONExtractString(payload, 'lotId'),
    districtId,
    JSONExtractString(payload, 'supplierId'),
    JSONExtractString(payload, 'supplierName'),
    JSONExtractString(payload, 'sku'),
    JSONExtractString(payload, 'productName'),
    JSONExtractFloat(payload, 'quantity'),
    JSONExtractString(payload, 'unit'),
    toDate(JSONExtractString(payload, 'productionDate')),
    toDate(JSONExtractString(payload, 'expiresOn')),
    occurredAt,
    seq,
    JSONExtractString(payload, 'batchNo')
FROM events
WHERE type = 'ledger.purchase.recorded' AND JSONExtractString(payload, 'batchNo') != '';
