export * from './claims';
export * from './mask';
export * from './pages';
export * from './policy';
