/** Machine output: two-space indented JSON and a newline, keys in a fixed order. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
