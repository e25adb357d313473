export * from './access';
export * from './camera';
export * from './protocol';
export * from './timecode';
