export * from './claims';
export * from './mask';
export * from './policy';
