// The version of what the parser derives from a text. Raise it whenever the parser's output
// changes (a new kind of record, a corrected rule): a database whose documents were loaded by an
// older parser then re-ingests its bundled texts at start, instead of serving stale data.
// 1: documents, outline, tasks, agencies. 2: targets and findings.
export const PARSER_VERSION = 2
