export * from './risk-settings';
export * from './risk-inputs';
export { riskFactorIds, decay, type RiskFactor, type RiskFactorId } from './risk-factors';
export * from './risk-score';
export * from './risk-result';
export * from './risk-read';
