// CSV for spreadsheets, safe against formula injection: a cell that a
// spreadsheet would read as a formula (starting with = + - @, or a tab or
// carriage return that some programs skip first) is prefixed with a quote
// mark, so it is shown as text and never run (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
