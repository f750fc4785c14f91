export * from './api/contract';
export type { ValidationIssue } from './invoice/issue';
