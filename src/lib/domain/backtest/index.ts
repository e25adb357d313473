export * from './lives';
export * from './history';
export * from './scorers';
export * from './history-model';
export * from './replay';
export * from './metrics';
export * from './run';
export * from './product-model';
