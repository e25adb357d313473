import type { PersonRole } from '$lib/domain/auth/claims';

/** Who may trace (inspectors read their districts); who may open a recall. */
export const RECALL_READERS: readonly PersonRole[] = ['admin', 'supervisor', 'inspector'];
export const RECALL_OPENERS: readonly PersonRole[] = ['admin', 'supervisor'];
