export { generateDistrict, DEFAULT_MERCHANTS, MAX_MERCHANTS } from './district';
export { seedEvents, simulatorActor, purchasePayload } from './seed-events';
export { initialLots, sellableStock, type Lot } from './lots';
export { loadDistrictAreas, containsPoint, samplePoint, type DistrictArea } from './geo';
export { createRng, hash32, type Rng } from './rng';
export { catalogue, type Product } from './catalogue';
export type * from './model';
