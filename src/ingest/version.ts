// The version of what the parser derives from a text. Raise it whenever the parser's output
// changes (a new kind of record, a corrected rule): a database whose documents were loaded by an
// older parser then re-ingests its bundled texts at start, instead of serving stale data.
// 1: documents, outline, tasks, agencies. 2: targets and findings. 3: plans as published (no
// 发文字号, levels, body tasks with roles and deadlines, deadline scope of targets). 4: the file
// as loaded and the text read from it kept with the document, pages of PDF lines. 5: task
// numbers past 9,999 read, and bounds on the work of comparing a task list with its body.
export const PARSER_VERSION = 5
