import { fold } from "../core/names.js";

/**
 * Words that say nothing about which diagram is meant: English function words
 * ("tcp reset after crash" is about tcp, reset and crash). Words that can name
 * a design are kept: through (write-through), all, each, only, once, out, up.
 */
const STOPWORDS = new Set(
  (
    "a about after again against am an and are as at be because been before being both but by can " +
    "could did do does doing during for from further had has have having he her here him his how i " +
    "if in into is it its itself just me my nor of on or our she should so such than that the their " +
    "them then there these they this those to too until use very vs was we were what when where " +
    "which while who whom why will with would you your"
  ).split(" "),
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
