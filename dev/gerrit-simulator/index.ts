// The Gerrit simulator: a REST server on loopback and the history generator that feeds it.
export { startGerritSimulator, type GerritSimulator, type SimulatorOptions } from './server.ts';
export { generateHistory, type GenerateOptions } from './generate.ts';
export { gerritDate } from './gerrit-date.ts';
export type * from './types.ts';
export { reportText, jobLine, OMITTED_SENTENCE, type ReportJob, type ReportOptions } from './zuul-report.ts';
