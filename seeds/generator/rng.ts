// The seeded random source moved to the domain (random inspection draws use it too).
export * from '../../src/lib/domain/rng';
