export {
  formatReport,
  ORDER_REQUESTS,
  runConformance,
  type Check,
  type ConformanceOptions,
  type Report,
} from './conformance.js';
