export * from './geometry.js';
export * from './protocol.js';
