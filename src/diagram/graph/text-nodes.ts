import { N } from "../charset.js";
import type { Extraction } from "./extraction.js";
import type { Endpoint } from "./paths.js";
import { extendDown } from "./text-runs.js";

/**
 * The loose text that is a node. Loose text at a path's end is a node when it is that
 * path's only tail or its only other end; text hanging off a path that already joins
 * other nodes labels it.
 */
export function textNodesOf(byRoot: Map<number, Endpoint[]>): Set<string> {
  const textNodes = new Set<string>();
  for (const group of byRoot.values()) {
    // Counted once per path, not per end: a bus with a thousand branches is a thousand ends.
    const tailsOf = new Map<string, number>();
    let tails = 0;
    for (const e of group) {
      const mine = e.headed ? 0 : 1;
      tailsOf.set(e.node, (tailsOf.get(e.node) ?? 0) + mine);
      tails += mine;
    }
    for (const e of group) {
      if (!e.text) continue;
      // The other ends: one node only, or none of them a tail.
      const onlyOther = tailsOf.size === 2;
      const noOtherTail = tails === (tailsOf.get(e.node) as number);
      if (e.headed || onlyOther || noOtherTail) textNodes.add(e.node);
    }
  }
  return textNodes;
}

/**
 * Claims the text nodes' runs, so that nothing else reads them, with the lines under
 * them; returns the keys of every run some path ends at, a node or not.
 */
export function claimTextNodes(
  x: Extraction,
  endpoints: Endpoint[],
  textNodes: Set<string>,
): Set<string> {
  // A text node reached from above may run on over the lines below it. Each run once:
  // many lines may end on one.
  const textEnds = new Set<string>();
  for (const e of endpoints) {
    if (!e.text || textEnds.has(e.text.key)) continue;
    textEnds.add(e.text.key);
    if (textNodes.has(e.node)) for (const cell of e.text.cells) x.claimed[cell] = 1;
  }
  const extended = new Set<string>();
  for (const e of endpoints) {
    if (!e.text || !textNodes.has(e.node) || e.leave !== N || extended.has(e.text.key)) continue;
    extended.add(e.text.key);
    extendDown(x, e.text, textEnds);
  }
  return textEnds;
}
