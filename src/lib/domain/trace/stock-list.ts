import { z } from 'zod';
import { lotAccount } from './contracts';

/** `GET /api/merchants/:id/stock`: the shop's lots with what each holds, oldest intake first. */
export const stockList = z.object({ items: z.array(lotAccount) });
export type StockList = z.infer<typeof stockList>;
