/** The text of libm-tables.ts, as the generator writes it. */
export function generate(): string;
/** The path of libm-tables.ts. */
export const OUTPUT: string;
