/** A DateTime64 column as ISO text (UTC, milliseconds): how every read hands instants on. */
export const iso = (column: string) => `formatDateTime(${column}, '%Y-%m-%dT%H:%i:%S.%fZ')`;

/** The same for a Nullable column (NULL stays NULL). */
export const maybeIso = (column: string) =>
	`if(isNull(${column}), NULL, ${iso(`assumeNotNull(${column})`)})`;
