import { fold } from "../core/names.js";

/** Words that say nothing about which diagram is meant. */
const STOPWORDS = new Set(
  "a an and are as at be by do does for from how i in is it of on or the to use vs what when which with".split(
    " ",
  ),
);

/** Lower-case words of letters and digits: "Pub/Sub (Kafka)" -> pub, sub, kafka. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The words of a query that carry meaning; all of them if every one is a stopword. */
export function queryTerms(query: string): string[] {
  const all = [...new Set(words(query))];
  const meaningful = all.filter((w) => !STOPWORDS.has(w));
  return meaningful.length > 0 ? meaningful : all;
}

/** A name run together, so "writethrough" and "pubsub" meet "write-through" and "pub/sub". */
export function compact(text: string): string {
  return words(text).join("");
}
