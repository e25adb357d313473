export * from './account';
export * from './account-events';
export * from './directory';
export * from './password-policy';
export * from './throttle';
