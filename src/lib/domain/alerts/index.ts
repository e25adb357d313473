export * from './category';
export * from './grouping';
export * from './lifecycle';
export * from './sla';
