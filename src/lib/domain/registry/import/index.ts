export * from './columns';
export * from './csv';
export * from './ids';
export * from './plan';
export * from './rows';
export * from './sheets';
export * from './values';
